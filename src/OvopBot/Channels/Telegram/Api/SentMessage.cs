namespace OvopBot.Channels.Telegram.Api;

/// <summary>The part of a sent Message the sender needs: its id.</summary>
public sealed record SentMessage
{
    public long MessageId { get; init; }
}
