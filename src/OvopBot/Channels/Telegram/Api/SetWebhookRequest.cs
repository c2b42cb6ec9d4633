namespace OvopBot.Channels.Telegram.Api;

/// <summary>Parameters of setWebhook; drop_pending_updates is always sent as false so nothing queued is lost.</summary>
public sealed record SetWebhookRequest
{
    public required string Url { get; init; }
    public required string SecretToken { get; init; }
    public IReadOnlyList<string>? AllowedUpdates { get; init; }
    public bool DropPendingUpdates { get; init; }
}
