namespace OvopBot.Channels.Telegram.Api;

/// <summary>A tap on an inline button; it must always be answered with answerCallbackQuery.</summary>
public sealed record CallbackQuery
{
    public required string Id { get; init; }
    public required User From { get; init; }
    public Message? Message { get; init; }
    public string? Data { get; init; }
}
