namespace OvopBot.Channels.Abstractions;

/// <summary>
/// The arithmetic of a channel's <see cref="SendLimits"/>, the one design every channel's pacer uses. It never waits:
/// it reserves or says how long to wait. Works on any <see cref="TimeProvider"/>; thread-safe.
/// <para>
/// Platforms do not say how they count. Telegram documents "about 30 per second", Meta "80 messages per second";
/// either may be a token bucket (a second's worth at once, then refilled evenly) or a strict sliding window (never
/// more than N in any second). A sender that fits one model can break the other: a token bucket's full burst followed
/// by the steady rate puts almost 2N in one sliding second, and requests reach the platform after varying network
/// delays, so sends we spaced evenly can arrive closer together than we spaced them. This limiter holds under both,
/// whatever the delays, with two rules:
/// </para>
/// <list type="number">
/// <item><b>A send keeps its place in the window until one window after the platform answered it.</b> The platform
/// counts a request somewhere between our sending it and our reading its answer, so a place held from the start of
/// the request until <see cref="SendWindow.Per"/> after its answer covers every moment the platform can have counted
/// it: the platform never sees more than <see cref="SendWindow.Sends"/> in any sliding window, and a stream that
/// keeps to a sliding window of N per second also keeps to a token bucket of N refilled at N per second (any span of
/// t seconds holds at most N·(⌊t⌋+1) ≤ N + N·t of its sends). The cost is the round trip: N places turn over once
/// per window plus one round trip, so a platform 5 ms away gets 99.5 % of its limit and one 200 ms away 83 %.</item>
/// <item><b>No burst above the steady rate.</b> Sends are spaced at the rate of the first window (GCRA), with a
/// catch-up of at most <see cref="CatchUp"/> (and never fewer than three sends) so a loop that woke a little late
/// does not lose rate. Without it a fresh channel would put a whole window's worth on the wire at once, and the
/// platform would see N requests queued together. After a platform's retry-after the channel restarts from an
/// empty bucket: nothing goes until the wait is over, then sends are spaced again.</item>
/// </list>
/// <para>
/// We chose this over adapting the rate to 429 answers (AIMD), which has to draw 429s to find the limit, and over a
/// fixed margin below the limit, which a single delayed request can still defeat under a sliding window.
/// </para>
/// <para>
/// Per recipient, at most one request per <see cref="SendLimits.PerRecipient"/>, spaced evenly. A reservation of
/// several requests (a split message) takes that many from every limit.
/// </para>
/// </summary>
public sealed class SendRateLimiter
{
    /// <summary>How far sends may run ahead of even spacing (a late wake-up is made good, no more).</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromMilliseconds(200);

    private const int CatchUpSends = 3;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _recipientFreeAt = new(StringComparer.Ordinal);
    private readonly Window[] _windows;
    private readonly TimeSpan _spacing;
    private readonly TimeSpan _catchUp;
    private readonly TimeSpan _perRecipient;
    private readonly TimeProvider _time;
    private int _inFlight;
    // GCRA: the moment the next send is due at the steady rate; sends may run ahead of it by the catch-up.
    private DateTimeOffset _theoretical = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public SendRateLimiter(SendLimits limits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.Channel.Count == 0 || limits.Channel.Any(w => w.Sends < 1 || w.Per <= TimeSpan.Zero))
        {
            throw new ArgumentException("every channel window needs at least one send per positive time", nameof(limits));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limits.PerRecipient, TimeSpan.Zero);
        _windows = [.. limits.Channel.Select(w => new Window(w))];
        _spacing = limits.Channel[0].Spacing;
        _catchUp = _spacing * Math.Max(CatchUpSends, (int)Math.Round((limits.CatchUp ?? CatchUp) / _spacing));
        _perRecipient = limits.PerRecipient;
        _time = time;
    }

    /// <summary>Reserves <paramref name="requests"/> requests to <paramref name="recipient"/> now, or says how long to wait.</summary>
    public PaceDecision TryReserve(string recipient, int requests = 1)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        requests = Math.Max(1, requests);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            // The recipient is asked first: one who must wait should not be told the channel is busy, so the
            // outbox skips just them and goes on with others.
            if (_recipientFreeAt.TryGetValue(recipient, out var freeAt) && freeAt > now)
            {
                return new PaceDecision(freeAt - now, TimeSpan.Zero);
            }

            var wait = ChannelWait(now, requests, out var start);
            if (wait > TimeSpan.Zero)
            {
                return new PaceDecision(TimeSpan.Zero, wait);
            }

            _theoretical = start + (_spacing * requests);
            _inFlight += requests;
            if (_perRecipient > TimeSpan.Zero)
            {
                _recipientFreeAt[recipient] = now + (_perRecipient * requests);
                if (_recipientFreeAt.Count > 10_000)
                {
                    Forget(now);
                }
            }

            return PaceDecision.Go(requests);
        }
    }

    /// <summary>The platform answered the requests of <paramref name="granted"/>: they hold their places one window more.</summary>
    public void Answered(PaceDecision granted)
    {
        if (granted.Requests <= 0)
        {
            return;
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _inFlight = Math.Max(0, _inFlight - granted.Requests);
            foreach (var window in _windows)
            {
                window.Hold(now, granted.Requests);
            }
        }
    }

    /// <summary>The platform asked the channel to wait: nothing goes before then, and no burst after it.</summary>
    public void PlatformAskedToWait(TimeSpan wait)
    {
        lock (_gate)
        {
            var until = _time.GetUtcNow() + wait;
            _pausedUntil = until > _pausedUntil ? until : _pausedUntil;
            _theoretical = _pausedUntil > _theoretical ? _pausedUntil : _theoretical;
        }
    }

    private TimeSpan ChannelWait(DateTimeOffset now, int requests, out DateTimeOffset start)
    {
        start = _theoretical > now ? _theoretical : now;
        if (_pausedUntil > now)
        {
            return _pausedUntil - now;
        }

        // Several requests may exceed the catch-up; they may still go once the spacing allows (else they never could).
        var cost = _spacing * requests;
        var ahead = start + cost - now;
        var allowed = cost > _catchUp ? cost : _catchUp;
        var wait = ahead > allowed ? ahead - allowed : TimeSpan.Zero;
        foreach (var window in _windows)
        {
            var windowWait = window.WaitFor(now, _inFlight, requests, _spacing);
            wait = windowWait > wait ? windowWait : wait;
        }

        return wait;
    }

    /// <summary>Drops recipients whose wait is over, so a big broadcast does not grow the map forever.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var stale in _recipientFreeAt.Where(p => p.Value <= now).Select(p => p.Key).ToList())
        {
            _recipientFreeAt.Remove(stale);
        }
    }

    /// <summary>One sliding window: the answered requests still holding a place, oldest first, and how many.</summary>
    private sealed class Window(SendWindow limit)
    {
        private readonly Queue<(DateTimeOffset ReleasedAt, int Requests)> _held = new();
        private int _heldCount;

        public void Hold(DateTimeOffset answeredAt, int requests)
        {
            _held.Enqueue((answeredAt + limit.Per, requests));
            _heldCount += requests;
        }

        /// <summary>How long until <paramref name="requests"/> more fit beside those held and in flight.</summary>
        public TimeSpan WaitFor(DateTimeOffset now, int inFlight, int requests, TimeSpan spacing)
        {
            while (_held.Count > 0 && _held.Peek().ReleasedAt <= now)
            {
                _heldCount -= _held.Dequeue().Requests;
            }

            var used = inFlight + _heldCount;
            // More requests than the window holds go alone in an empty window (else they never could).
            var excess = used + Math.Min(requests, limit.Sends) - limit.Sends;
            if (excess <= 0)
            {
                return TimeSpan.Zero;
            }

            foreach (var (releasedAt, held) in _held)
            {
                excess -= held;
                if (excess <= 0)
                {
                    return releasedAt - now;
                }
            }

            // Requests still in flight hold the places too; when they come back is unknown, so look again one
            // spacing after the last held place frees.
            var lastFree = _held.Count > 0 ? _held.Last().ReleasedAt - now : TimeSpan.Zero;
            return lastFree + spacing;
        }
    }
}
