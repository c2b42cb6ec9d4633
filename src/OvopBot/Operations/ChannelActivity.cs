using System.Collections.Concurrent;

namespace OvopBot.Operations;

/// <summary>
/// When each channel last showed it is alive: Telegram's last successful getUpdates, each webhook channel's last
/// accepted webhook. <c>/healthz/ready</c> reads it. Before the first sign of life, the service's start counts, so a
/// channel that never got going turns unhealthy once the threshold has passed.
/// </summary>
public sealed class ChannelActivity(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _polls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _webhooks = new(StringComparer.Ordinal);

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public void Polled(string channel) => _polls[channel] = time.GetUtcNow();

    public void WebhookAccepted(string channel) => _webhooks[channel] = time.GetUtcNow();

    public DateTimeOffset? LastPoll(string channel) => _polls.TryGetValue(channel, out var at) ? at : null;

    public DateTimeOffset? LastWebhook(string channel) => _webhooks.TryGetValue(channel, out var at) ? at : null;
}
