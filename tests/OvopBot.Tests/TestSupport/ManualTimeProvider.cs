namespace OvopBot.Tests.TestSupport;

/// <summary>
/// A clock the test moves by hand. Timers created from it (Task.Delay, WaitAsync with this provider) fire when
/// <see cref="Advance"/> passes their due time, so reminders, backoffs and pauses are tested without waiting;
/// <see cref="WaitForTimersAsync"/> lets a test wait until the code under test has started a delay instead of
/// sleeping and hoping it got there. (Microsoft.Extensions.TimeProvider.Testing is not available here.)
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<TimeSpan> _scheduled = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private DateTimeOffset _now = start;

    public ManualTimeProvider() : this(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero)) { }

    /// <summary>Due times of every timer created so far, in order (the delays the code chose).</summary>
    public IReadOnlyList<TimeSpan> ScheduledDelays
    {
        get
        {
            lock (_gate)
            {
                return [.. _scheduled];
            }
        }
    }

    /// <summary>How many timers are waiting to fire now.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    // Stopwatch-style measurements (elapsed time) follow the manual clock too.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            _scheduled.Add(dueTime);
            done = _waiters.Where(w => _scheduled.Count >= w.Count).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => _scheduled.Count >= w.Count);
        }

        timer.Change(dueTime, period);
        done.ForEach(d => d.TrySetResult());
        return timer;
    }

    /// <summary>Completes once at least <paramref name="count"/> timers were created; fails after 20 s.</summary>
    public Task WaitForTimersAsync(int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_scheduled.Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Moves the clock and fires every timer that came due.</summary>
    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
            foreach (var timer in due)
            {
                timer.Fired(_now);
            }

            _timers.RemoveAll(t => t.DueAt is null);
        }

        due.ForEach(t => t.Invoke());
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? DueAt { get; private set; }

        public void Fired(DateTimeOffset now) =>
            DueAt = _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero ? null : now + _period;

        public void Invoke() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool fireNow;
            lock (owner._gate)
            {
                _period = period;
                owner._timers.Remove(this);
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                fireNow = dueTime == TimeSpan.Zero;
                if (fireNow)
                {
                    Fired(owner._now);
                }

                if (DueAt is not null)
                {
                    owner._timers.Add(this);
                }
            }

            // A timer due now fires at once, as a real one would.
            if (fireNow)
            {
                Invoke();
            }

            return true;
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                DueAt = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
