namespace OvopBot.Channels.Telegram.Api;

/// <summary>
/// The envelope of every Bot API answer: <c>{"ok":true,"result":…}</c> or an error with a description.
/// </summary>
public sealed record TelegramResponse<TResult>
{
    public bool Ok { get; init; }
    public TResult? Result { get; init; }
    public int? ErrorCode { get; init; }
    public string? Description { get; init; }
    public ResponseParameters? Parameters { get; init; }
}
