namespace OvopBot.Channels.Telegram.Api;

/// <summary>The message a person replied to (reply_to_message): its id in the chat, which the outbox recorded when sending it.</summary>
public sealed record RepliedMessage
{
    public long MessageId { get; init; }
}
