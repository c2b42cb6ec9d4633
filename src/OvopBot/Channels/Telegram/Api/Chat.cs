namespace OvopBot.Channels.Telegram.Api;

/// <summary>A chat; <see cref="Type"/> is "private", "group", "supergroup" or "channel".</summary>
public sealed record Chat
{
    public long Id { get; init; }
    public string? Type { get; init; }
}
