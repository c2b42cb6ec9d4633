namespace OvopBot.Channels.Telegram.Api;

/// <summary>One reply-keyboard button; at most one of the request flags may be set (private chats only).</summary>
public sealed record KeyboardButton
{
    public required string Text { get; init; }
    public bool? RequestContact { get; init; }
    public bool? RequestLocation { get; init; }
}
