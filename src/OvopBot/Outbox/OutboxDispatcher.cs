using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Outbox;

/// <summary>
/// Sends due outbox rows of one channel and records each one's fate. The only place that retries: transient
/// failures come back later with exponential backoff (or the platform's retry-after), permanent ones are never
/// retried, unreachable people get nothing more. Sends go through the channel's <see cref="ISendPacer"/> when it
/// registered one: a chat that must wait is deferred in the store (other chats go on), a full channel waits or ends the
/// drain. The pacer learns when each send was answered and every retry-after the platform gave.
/// Different chats are sent to in parallel, continuously (up to <see cref="OutboxOptions.ParallelSendsFor"/> in
/// flight, see <see cref="OutboxPipeline"/>); one chat's messages go one at a time, in order.
/// </summary>
public sealed class OutboxDispatcher(OutboxStore store, IEnumerable<ISendPacer> pacers, IOptions<OutboxOptions> options,
    TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    private readonly Dictionary<string, ISendPacer> _pacers = pacers.ToDictionary(p => p.Channel, StringComparer.Ordinal);
    private readonly SentMarks _sentMarks = new(store);
    private readonly RecentlyServed _served = new();

    // Rows the platform accepted but the store could not mark sent (database busy, disk full): the success is kept
    // here and recorded before anything else is sent, so such a row is never sent twice.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, (string PlatformId, DateTimeOffset SentAt)> _unrecorded = new();

    /// <summary>
    /// Sends everything due now on the sender's channel (to one address, when given), pipelined
    /// (<see cref="OutboxPipeline"/>); returns how many rows were sent or ended. Stops early when the platform or the
    /// pacer asks the whole channel to wait, returning the time to resume in <paramref name="pauseUntil"/>.
    /// </summary>
    public async Task<(int Handled, DateTimeOffset? PauseUntil)> DrainAsync(IChannelSender sender, CancellationToken cancellationToken,
        string? address = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (!await RecordUnrecordedAsync())
        {
            // The store cannot take writes: sending more would only make more sends nobody can record.
            return (0, time.GetUtcNow() + options.Value.FirstRetryDelay);
        }

        var pacer = _pacers.GetValueOrDefault(sender.Channel);
        var pipeline = new OutboxPipeline(store, sender, pacer, options.Value, time,
            (envelope, granted, accepted) => SendPacedAsync(sender, envelope, pacer, granted, accepted, cancellationToken),
            _unrecorded.ContainsKey, _served, address);
        return await pipeline.RunAsync(cancellationToken);
    }

    /// <summary>
    /// Sends one row the pacer granted: the pacer hears of the platform's answer as soon as it comes, before the row's
    /// fate is written, and of any retry-after before the send ends.
    /// </summary>
    private async Task<DateTimeOffset?> SendPacedAsync(IChannelSender sender, OutboundEnvelope envelope, ISendPacer? pacer,
        PaceDecision granted, Action accepted, CancellationToken cancellationToken)
    {
        var pause = await SendOneAsync(sender, envelope, cancellationToken, () => pacer?.Answered(granted), accepted);
        if (pause is { } until)
        {
            pacer?.PlatformAskedToWait(until - time.GetUtcNow());
        }

        return pause;
    }

    /// <summary>
    /// Sends one row; returns a channel-wide pause when the platform asked for one. <paramref name="answered"/> runs
    /// once the platform answered (or the request failed), before the row's fate is written; <paramref name="accepted"/>
    /// once the platform accepted the message, before it is recorded sent.
    /// </summary>
    public async Task<DateTimeOffset?> SendOneAsync(IChannelSender sender, OutboundEnvelope envelope, CancellationToken cancellationToken,
        Action? answered = null, Action? accepted = null)
    {
        string platformId;
        try
        {
            // A send once started is not cancelled by shutdown: abandoning it after the platform accepted the message
            // but before its answer was read would leave the row pending and send it twice after the restart. The
            // channel's own request timeout bounds the wait; the host's shutdown timeout bounds it again.
            try
            {
                // A message sent in parts has each part written down as the platform accepts it (PartProgress).
                var recorded = envelope with { RecordSentParts = parts => store.MarkPartsSentAsync(envelope.Id, parts, CancellationToken.None) };
                platformId = await sender.SendAsync(recorded, CancellationToken.None);
            }
            finally
            {
                answered?.Invoke();
            }
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

        // The platform has it: remember that before writing it down, so a failed write never sends it again.
        _unrecorded[envelope.Id] = (platformId, time.GetUtcNow());
        accepted?.Invoke();
        return await RecordAsync(envelope.Id) ? null : time.GetUtcNow() + options.Value.FirstRetryDelay;
    }

    /// <summary>
    /// Marks sent what the platform accepted and could not be recorded before; false when the store still refuses
    /// (the rows stay remembered, and no more is sent until they are recorded).
    /// </summary>
    private async Task<bool> RecordUnrecordedAsync()
    {
        foreach (var id in _unrecorded.Keys)
        {
            if (!await RecordAsync(id))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Marks one accepted row sent (with the others finishing around it, <see cref="SentMarks"/>), retrying a failed
    /// write a few times; false when the store still refuses, and the row stays remembered.
    /// </summary>
    private async Task<bool> RecordAsync(long id)
    {
        for (var attempt = 1; _unrecorded.TryGetValue(id, out var sent); attempt++)
        {
            try
            {
                await _sentMarks.MarkAsync(new SentRow(id, sent.PlatformId, sent.SentAt));
                _unrecorded.TryRemove(id, out _);
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                // The connection already waits out a busy database; a second and third try cover a lost race.
                if (attempt < 3 && e.SqliteErrorCode != DiskFull)
                {
                    continue;
                }

                logger.LogError(e, "Outbox {Id} was sent but cannot be recorded ({Error}); sending stops until the database takes writes again{Hint}",
                    id, e.Message, e.SqliteErrorCode == DiskFull ? " (the disk is full)" : "");
                return false;
            }
        }

        return true;
    }

    private const int DiskFull = 13; // SQLITE_FULL

    private async Task<DateTimeOffset?> HandleFailureAsync(string channel, OutboundEnvelope envelope, ChannelSendException e)
    {
        var now = time.GetUtcNow();
        if (e.SentParts.Count > envelope.SentParts.Count)
        {
            // Parts of a split message went out that the store could not take then: the retry starts after them.
            await store.MarkPartsSentAsync(envelope.Id, e.SentParts, CancellationToken.None);
        }

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
