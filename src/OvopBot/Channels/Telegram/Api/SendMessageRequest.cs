namespace OvopBot.Channels.Telegram.Api;

/// <summary>
/// Parameters of sendMessage. There is deliberately no parse_mode: flow texts and echoed user text go out as plain
/// text, so no character ever needs escaping and no message fails with "can't parse entities".
/// </summary>
public sealed record SendMessageRequest
{
    public required long ChatId { get; init; }
    public required string Text { get; init; }
    /// <summary>
    /// A <see cref="ReplyKeyboardMarkup"/> or <see cref="ReplyKeyboardRemove"/>; serialised by its runtime type.
    /// </summary>
    public object? ReplyMarkup { get; init; }
}
