namespace OvopBot.Outbox;

/// <summary>
/// The arithmetic of a channel's two limits, for pacers to share: at most <c>perSecond</c> sends on the channel
/// (a whole second's worth may go at once, then they refill evenly — the token bucket the platforms use) and at most
/// <c>perAddressPerSecond</c> sends to one address, spaced evenly. A reservation of several parts (a split message)
/// takes that many sends from both. Works on any <see cref="TimeProvider"/>; thread-safe.
/// <para>
/// A <c>jitterAllowance</c> shortens the burst by that much time (at 30/s, 100 ms is three sends) and leaves the
/// sustained rate alone. Sends leave evenly paced but reach the platform after varying delays; when a later send is
/// delayed less than an earlier one, the platform counts them closer together than we reserved them. Kept that much
/// below the platform's bucket, ours absorbs a spread of delays up to the allowance, so pacing at the platform's full
/// rate does not draw 429 answers.
/// </para>
/// </summary>
public sealed class SendRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _addressFreeAt = new(StringComparer.Ordinal);
    private readonly TimeSpan _channelInterval;
    private readonly TimeSpan _channelBurst;
    private readonly TimeSpan _addressInterval;
    private readonly TimeProvider _time;
    // GCRA: the moment the channel's bucket would be full again; sends may run ahead of now by one burst.
    private DateTimeOffset _channelTheoretical = DateTimeOffset.MinValue;

    public SendRateLimiter(double perSecond, double perAddressPerSecond, TimeProvider time, TimeSpan jitterAllowance = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perAddressPerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitterAllowance, TimeSpan.Zero);
        _channelInterval = Interval(perSecond);
        // A burst of one second's budget less the jitter allowance, but never less than one send (rates under 1/s).
        var burst = (_channelInterval * Math.Floor(perSecond)) - jitterAllowance;
        _channelBurst = burst > _channelInterval ? burst : _channelInterval;
        _addressInterval = Interval(perAddressPerSecond);
        _time = time;
    }

    /// <summary>Reserves <paramref name="parts"/> sends to <paramref name="address"/> now, or says how long to wait.</summary>
    public PaceDecision TryReserve(string address, int parts = 1)
    {
        ArgumentNullException.ThrowIfNull(address);
        parts = Math.Max(1, parts);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            // The chat is asked first: a chat that must wait should not be told the channel is busy, so the
            // dispatcher skips just that chat and goes on with others.
            if (_addressFreeAt.TryGetValue(address, out var freeAt) && freeAt > now)
            {
                return new PaceDecision(freeAt - now, TimeSpan.Zero);
            }

            var start = _channelTheoretical > now ? _channelTheoretical : now;
            // Several parts may exceed one burst; they may still go once the bucket is full (else they never could).
            var cost = _channelInterval * parts;
            var ahead = start + cost - now;
            var allowed = cost > _channelBurst ? cost : _channelBurst;
            if (ahead > allowed)
            {
                return new PaceDecision(TimeSpan.Zero, ahead - allowed);
            }

            _channelTheoretical = start + cost;
            _addressFreeAt[address] = now + (_addressInterval * parts);
            if (_addressFreeAt.Count > 10_000)
            {
                Forget(now);
            }

            return PaceDecision.Go;
        }
    }

    // Rounded up, so the limiter is never faster than the platform's own count.
    private static TimeSpan Interval(double perSecond) => TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond));

    /// <summary>Drops chats whose wait is over, so a big broadcast does not grow the map forever.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var stale in _addressFreeAt.Where(p => p.Value <= now).Select(p => p.Key).ToList())
        {
            _addressFreeAt.Remove(stale);
        }
    }
}
