using System.Diagnostics;

namespace OvopBot.Benchmarks.Broadcasts;

/// <summary>
/// What the fake platform accepted during a broadcast run, as it accepted it: every send, the broadcast's deliveries
/// with the moments of the first and the last, the sends of any kind between them, and the process's CPU time at
/// both moments. Thread-safe (the Graph fake reports from many requests at once).
/// </summary>
internal sealed class BroadcastTally(int recipients)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _allSends;
    private int _sendsBeforeFirst;
    private int _sendsAtLast;
    private int _delivered;
    private long _first;
    private long _last;
    private TimeSpan _cpuAtFirst;
    private TimeSpan _cpuAtLast;
    private long _enqueued;
    private int _deliveredAtEnqueued;

    /// <summary>The seeded recipients the run waits for (the people chatting may get the broadcast too; not counted).</summary>
    public int Recipients => recipients;

    /// <summary>Completes when every recipient got the broadcast.</summary>
    public Task Complete => _complete.Task;

    public int Delivered
    {
        get
        {
            lock (_gate)
            {
                return _delivered;
            }
        }
    }

    /// <summary>The platform accepted a message (to a broadcast recipient, or to someone else) at this Stopwatch timestamp.</summary>
    public void Accepted(bool toRecipient, long timestamp)
    {
        lock (_gate)
        {
            _allSends++;
            if (!toRecipient)
            {
                return;
            }

            if (++_delivered == 1)
            {
                _first = timestamp;
                _sendsBeforeFirst = _allSends - 1;
                _cpuAtFirst = Process.GetCurrentProcess().TotalProcessorTime;
            }

            if (_delivered == recipients)
            {
                _last = timestamp;
                _sendsAtLast = _allSends;
                _cpuAtLast = Process.GetCurrentProcess().TotalProcessorTime;
                _complete.TrySetResult();
            }
        }
    }

    /// <summary>The broadcast's rows are all in the outbox: from now on the store only sends.</summary>
    public void Enqueued()
    {
        lock (_gate)
        {
            _enqueued = Stopwatch.GetTimestamp();
            _deliveredAtEnqueued = _delivered;
        }
    }

    /// <summary>Broadcast messages per second from the end of the enqueue to the last delivery (the sending alone).</summary>
    public double RateAfterEnqueue => (recipients - _deliveredAtEnqueued) / Stopwatch.GetElapsedTime(_enqueued, _last).TotalSeconds;

    /// <summary>First to last delivery of the broadcast (zero until complete).</summary>
    public TimeSpan Sending => _last == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_first, _last);

    /// <summary>Broadcast messages per second from the first delivery to the last.</summary>
    public double BroadcastRate => (recipients - 1) / Sending.TotalSeconds;

    /// <summary>Messages of any kind per second over the same span (chatters' replies share the platform's limit).</summary>
    public double AllRate => (_sendsAtLast - _sendsBeforeFirst - 1) / Sending.TotalSeconds;

    /// <summary>Process CPU time ÷ wall time over the same span (1.0 = one core busy).</summary>
    public double CpuCores => (_cpuAtLast - _cpuAtFirst) / Sending;
}
