using System.Collections.Concurrent;
using OvopBot.Channels.Abstractions;
using OvopBot.Storage;

namespace OvopBot.Outbox;

/// <summary>
/// One drain of one channel, pipelined: up to the channel's parallel sends are in flight, and the moment the platform
/// accepts one the next due row starts, instead of sending a batch and waiting for its slowest send (at 1,000/s a
/// batch that waited for its slowest send reached half the rate). A send's place frees when the platform accepted it;
/// its chat stays taken until its fate is written, which may wait for the database's one writer (a broadcast being
/// enqueued holds it for a batch at a time): meanwhile other chats are sent to, up to <see cref="AwaitingFateFactor"/>
/// times the parallel sends awaiting their fate. The rules of a pass still hold for every send:
/// <list type="bullet">
/// <item>One chat at a time: a chat with a send in flight gets no other until that send's fate is written, and the
/// store hands out at most one row per person per take, the first in the person's order.</item>
/// <item>The store's order: replies, then reminders, then broadcasts, oldest first; within a kind, chats sent to
/// recently go after the others (<see cref="RecentlyServed"/>), so a flooder's backlog takes turns with quiet people
/// instead of going first for being older. The rows in hand are taken again once used up or older than
/// <see cref="Freshness"/>, so a new reply waits for at most that, not for a backlog.</item>
/// <item>The pacer decides each send: a chat that must wait is deferred in the store, a channel that must wait waits
/// (while sends are in flight) or ends the drain with the time to resume; a platform's retry-after ends it too.</item>
/// </list>
/// A chat is taken only while none of its sends is in flight, and a send leaves the in-flight set only once its fate is
/// written, so a take never sees a row whose send is under way or whose fate is not yet recorded.
/// </summary>
internal sealed class OutboxPipeline(OutboxStore store, IChannelSender sender, ISendPacer? pacer, OutboxOptions options,
    TimeProvider time, Func<OutboundEnvelope, PaceDecision, Action, Task<DateTimeOffset?>> send, Func<long, bool> unrecorded,
    RecentlyServed served, string? address)
{
    /// <summary>
    /// How many sends, per parallel send, may be answered but not yet recorded. Bounded: after a crash the platform
    /// has these but the store does not, so they go again after the restart.
    /// </summary>
    public const int AwaitingFateFactor = 4;

    /// <summary>How long rows taken from the store are sent from before taking again (new replies go first).</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMilliseconds(200);

    private readonly int _parallel = options.ParallelSendsFor(sender.Channel);
    private readonly Queue<OutboundEnvelope> _ready = new();
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal); // chats whose send's fate is not written yet
    private readonly ConcurrentQueue<(string Address, Task<DateTimeOffset?> Send)> _finished = new();
    private readonly WorkSignal _aSendFinished = new(); // a send was accepted or its fate written
    private int _requests; // sends not yet accepted by the platform (a refused one counts until its fate is written)
    private DateTimeOffset _takenAt;
    private int _handled;
    private DateTimeOffset? _pause;
    private Exception? _failure;

    /// <summary>Sends until nothing is due, or the channel must wait (returned); every send started is awaited.</summary>
    public async Task<(int Handled, DateTimeOffset? PauseUntil)> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await StepAsync(cancellationToken))
            {
            }
        }
        finally
        {
            // Never leave a send running unobserved (its fate is being recorded), even when the drain was cancelled.
            while (_busy.Count > 0)
            {
                await _aSendFinished.WaitAsync(Timeout.InfiniteTimeSpan, time, CancellationToken.None);
                Collect();
            }
        }

        if (_failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
        }

        return (_handled, _pause);
    }

    /// <summary>Starts one send, or waits for a reason to; false when the drain is over.</summary>
    private async Task<bool> StepAsync(CancellationToken cancellationToken)
    {
        Collect();
        if (_pause is not null || _failure is not null)
        {
            return false;
        }

        if (Volatile.Read(ref _requests) >= _parallel || _busy.Count >= _parallel * AwaitingFateFactor)
        {
            await WaitForASendAsync(Timeout.InfiniteTimeSpan, cancellationToken);
            return true;
        }

        if (_ready.Count == 0 || time.GetUtcNow() - _takenAt >= Freshness)
        {
            await TakeAsync(cancellationToken);
        }

        if (!_ready.TryPeek(out var next))
        {
            // Nothing more is due now, except rows of chats with a send in flight: their turn comes after it.
            if (_busy.Count == 0)
            {
                return false;
            }

            await WaitForASendAsync(Timeout.InfiniteTimeSpan, cancellationToken);
            return true;
        }

        var decision = pacer?.TryReserve(next) ?? PaceDecision.Go(1);
        if (decision.ChannelWait > TimeSpan.Zero)
        {
            if (_busy.Count == 0)
            {
                _pause = time.GetUtcNow() + decision.ChannelWait;
                return false;
            }

            // A send coming back may free a place sooner; otherwise the wait ends on its own.
            await WaitForASendAsync(decision.ChannelWait, cancellationToken);
            return true;
        }

        _ready.Dequeue();
        if (decision.ChatWait > TimeSpan.Zero)
        {
            // Only this chat waits: its rows step aside in the store and the other chats go on.
            await store.DeferAsync(sender.Channel, next.Address, time.GetUtcNow() + decision.ChatWait, cancellationToken);
            return true;
        }

        _busy.Add(next.Address);
        Interlocked.Increment(ref _requests);
        var placeFreed = 0;
        void FreePlace()
        {
            if (Interlocked.Exchange(ref placeFreed, 1) == 0)
            {
                Interlocked.Decrement(ref _requests);
            }

            _aSendFinished.Notify();
        }

        // An accepted send frees its place at once; a refused one only when its fate is in, so a retry-after it
        // brought stops the channel before anything else starts.
        var sending = send(next, decision, () =>
        {
            served.Served(sender.Channel, next.Address);
            FreePlace();
        });
        _ = sending.ContinueWith(_ =>
        {
            _finished.Enqueue((next.Address, sending));
            FreePlace();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return true;
    }

    /// <summary>The due rows in the store's order, at most one per person, none of a chat with a send in flight.</summary>
    private async Task TakeAsync(CancellationToken cancellationToken)
    {
        _takenAt = time.GetUtcNow();
        var due = await store.TakeDueAsync(sender.Channel, _takenAt, options.BatchSize + _busy.Count, cancellationToken, address);
        _ready.Clear();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var envelope in due.Where(e => !_busy.Contains(e.Address) && !unrecorded(e.Id) && taken.Add(e.Address))
                     .OrderBy(e => e.Kind).ThenBy(e => served.LastTurn(sender.Channel, e.Address)))
        {
            _ready.Enqueue(envelope);
        }
    }

    /// <summary>Takes in the sends that finished: their chats are free again; the latest retry-after wins.</summary>
    private void Collect()
    {
        while (_finished.TryDequeue(out var done))
        {
            _busy.Remove(done.Address);
            _handled++;
            if (done.Send.IsCompletedSuccessfully)
            {
                _pause = done.Send.Result is { } until && (_pause is null || until > _pause) ? until : _pause;
            }
            else
            {
                _failure ??= done.Send.Exception?.InnerException ?? new TaskCanceledException(done.Send);
            }
        }
    }

    private Task WaitForASendAsync(TimeSpan atMost, CancellationToken cancellationToken) =>
        _finished.IsEmpty ? _aSendFinished.WaitAsync(atMost, time, cancellationToken) : Task.CompletedTask;
}
