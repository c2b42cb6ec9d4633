namespace OvopBot.Conversations;

/// <summary>
/// A token bucket per person: <c>burst</c> messages at once, then <c>perMinute</c>. One worker owns its people, so
/// this needs no locking. A person at a human pace never meets it; a flooder's excess waits its turn.
/// </summary>
internal sealed class SenderPace(int burst, int perMinute)
{
    private readonly Dictionary<long, (double Tokens, DateTimeOffset At)> _buckets = [];
    private readonly TimeSpan _perToken = TimeSpan.FromMinutes(1) / perMinute;

    /// <summary>Takes one message's turn: null when the person may go now, else when they may.</summary>
    public DateTimeOffset? TryTake(long contactId, DateTimeOffset now)
    {
        var tokens = Tokens(contactId, now);
        if (tokens >= 1)
        {
            _buckets[contactId] = (tokens - 1, now);
            return null;
        }

        return now + (1 - tokens) * _perToken;
    }

    /// <summary>Drops people whose bucket is full again: they are like someone never seen.</summary>
    public void Forget(DateTimeOffset now)
    {
        if (_buckets.Count < 1024)
        {
            return;
        }

        foreach (var id in _buckets.Where(b => Tokens(b.Key, now) >= burst).Select(b => b.Key).ToList())
        {
            _buckets.Remove(id);
        }
    }

    private double Tokens(long contactId, DateTimeOffset now) =>
        _buckets.TryGetValue(contactId, out var b) ? Math.Min(burst, b.Tokens + ((now - b.At) / _perToken)) : burst;
}
