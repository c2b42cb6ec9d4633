namespace OvopBot.Channels.Telegram.Api;

/// <summary>Parameters of getUpdates (long polling).</summary>
public sealed record GetUpdatesRequest
{
    public long? Offset { get; init; }
    public int? Limit { get; init; }
    public int? Timeout { get; init; }
    public IReadOnlyList<string>? AllowedUpdates { get; init; }
}
