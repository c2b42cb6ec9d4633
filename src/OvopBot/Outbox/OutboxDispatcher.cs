using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Outbox;

/// <summary>
/// Sends due outbox rows of one channel and records each one's fate. The only place that retries: transient
/// failures come back later with exponential backoff (or the platform's retry-after), permanent ones are never
/// retried, unreachable people get nothing more.
/// </summary>
public sealed class OutboxDispatcher(OutboxStore store, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    /// <summary>
    /// Sends everything due now on the sender's channel (to one address, when given); returns how many rows were handled. Stops early when the
    /// platform asks the whole channel to wait, returning the time to resume in <paramref name="pauseUntil"/>.
    /// </summary>
    public async Task<(int Handled, DateTimeOffset? PauseUntil)> DrainAsync(IChannelSender sender, CancellationToken cancellationToken,
        string? address = null)
    {
        var handled = 0;
        while (true)
        {
            var due = await store.TakeDueAsync(sender.Channel, time.GetUtcNow(), options.Value.BatchSize, cancellationToken, address);
            if (due.Count == 0)
            {
                return (handled, null);
            }

            foreach (var envelope in due)
            {
                var pause = await SendOneAsync(sender, envelope, cancellationToken);
                handled++;
                if (pause is not null)
                {
                    return (handled, pause);
                }
            }
        }
    }

    /// <summary>Sends one row; returns a channel-wide pause when the platform asked for one.</summary>
    public async Task<DateTimeOffset?> SendOneAsync(IChannelSender sender, OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        try
        {
            var platformId = await sender.SendAsync(envelope, cancellationToken);
            await store.MarkSentAsync(envelope.Id, platformId, time.GetUtcNow(), CancellationToken.None);
            return null;
        }
        catch (ChannelSendException e)
        {
            return await HandleFailureAsync(sender.Channel, envelope, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException ||
                                  (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return await HandleFailureAsync(sender.Channel, envelope, new ChannelSendException(SendFailureKind.Transient, e.Message, inner: e));
        }
    }

    private async Task<DateTimeOffset?> HandleFailureAsync(string channel, OutboundEnvelope envelope, ChannelSendException e)
    {
        var now = time.GetUtcNow();
        switch (e.Kind)
        {
            case SendFailureKind.Transient:
                var attempts = await store.AttemptsAsync(envelope.Id, CancellationToken.None) + 1;
                if (attempts >= options.Value.MaxAttempts)
                {
                    logger.LogWarning("Outbox {Id} on {Channel} failed after {Attempts} attempts: {Error}", envelope.Id, channel, attempts, e.Message);
                    await store.MarkFinalAsync(envelope.Id, "failed", e.Message, now, CancellationToken.None);
                    return null;
                }

                var wait = e.RetryAfter ?? Backoff(attempts);
                // A platform-requested wait is not the message's fault: do not count it against its attempts.
                await store.MarkRetryAsync(envelope.Id, now + wait, e.Message, countAttempt: e.RetryAfter is null, CancellationToken.None);
                return e.ChannelWide ? now + wait : null;
            case SendFailureKind.Unreachable:
                logger.LogInformation("Contact of outbox {Id} on {Channel} is unreachable: {Error}", envelope.Id, channel, e.Message);
                await store.MarkUnreachableAsync(envelope.Id, e.Message, now, CancellationToken.None);
                return null;
            case SendFailureKind.OutsideWindow:
                await store.MarkFinalAsync(envelope.Id, "held", e.Message, now, CancellationToken.None);
                return null;
            case SendFailureKind.ChannelDown:
                logger.LogError("Channel {Channel} cannot send: {Error}. Sending on it is paused; fix its configuration.", channel, e.Message);
                await store.MarkRetryAsync(envelope.Id, now + options.Value.MaxRetryDelay, e.Message, countAttempt: false, CancellationToken.None);
                return now + options.Value.MaxRetryDelay;
            default:
                logger.LogWarning("Outbox {Id} on {Channel} failed permanently: {Error}", envelope.Id, channel, e.Message);
                await store.MarkFinalAsync(envelope.Id, "failed", e.Message, now, CancellationToken.None);
                return null;
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var delay = options.Value.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < options.Value.MaxRetryDelay ? delay : options.Value.MaxRetryDelay;
    }
}
