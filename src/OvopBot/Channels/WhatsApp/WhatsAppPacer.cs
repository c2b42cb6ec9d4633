using Microsoft.Extensions.Options;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// Keeps the sender under the business number's throughput (<see cref="WhatsAppOptions.MessagesPerSecond"/> in any
/// rolling second) and apart from the per-person pair limit (<see cref="WhatsAppOptions.PerPersonMinInterval"/>).
/// It never waits: it answers "go" by reserving a slot, or "not before" so the sender can hand the wait to the outbox
/// as a RetryAfter — the same answer Meta would give, without spending a request on it. Thread-safe.
/// </summary>
public sealed class WhatsAppPacer
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly object _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<string, DateTimeOffset> _lastByPerson = new(StringComparer.Ordinal);
    private readonly int _perSecond;
    private readonly TimeSpan _perPerson;
    private readonly TimeProvider _time;

    public WhatsAppPacer(IOptions<WhatsAppOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _perSecond = options.Value.MessagesPerSecond;
        _perPerson = options.Value.PerPersonMinInterval;
        _time = time;
    }

    /// <summary>How long this person must still wait (zero: free now). Reserves nothing.</summary>
    public TimeSpan PersonWait(string address)
    {
        lock (_gate)
        {
            return _lastByPerson.TryGetValue(address, out var last)
                ? Max(TimeSpan.Zero, last + _perPerson - _time.GetUtcNow())
                : TimeSpan.Zero;
        }
    }

    /// <summary>Marks that a message to this person is starting now.</summary>
    public void MarkPerson(string address)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_lastByPerson.Count > 10_000)
            {
                // Forget people whose interval has passed, so a big broadcast does not grow the map forever.
                foreach (var stale in _lastByPerson.Where(p => p.Value + _perPerson <= now).Select(p => p.Key).ToList())
                {
                    _lastByPerson.Remove(stale);
                }
            }

            _lastByPerson[address] = now;
        }
    }

    /// <summary>
    /// Reserves <paramref name="requests"/> requests in the channel budget, all or none; returns zero, or how long
    /// until enough are free.
    /// </summary>
    public TimeSpan TryReserveChannel(int requests = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1);
        requests = Math.Min(requests, _perSecond);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            while (_recent.Count > 0 && _recent.Peek() + Second <= now)
            {
                _recent.Dequeue();
            }

            var excess = _recent.Count + requests - _perSecond;
            if (excess > 0)
            {
                // The oldest request that must leave the rolling second before enough room is free.
                return _recent.ElementAt(Math.Min(excess, _recent.Count) - 1) + Second - now;
            }

            for (var i = 0; i < requests; i++)
            {
                _recent.Enqueue(now);
            }

            return TimeSpan.Zero;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
