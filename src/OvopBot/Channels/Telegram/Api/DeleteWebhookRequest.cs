namespace OvopBot.Channels.Telegram.Api;

/// <summary>
/// Parameters of deleteWebhook; drop_pending_updates stays false so switching to polling loses nothing.
/// </summary>
public sealed record DeleteWebhookRequest
{
    public bool DropPendingUpdates { get; init; }
}
