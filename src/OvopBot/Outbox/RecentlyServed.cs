namespace OvopBot.Outbox;

/// <summary>
/// Which chats were sent to (the platform accepted the message) last, per channel: among due rows of the same kind, a chat sent to more recently goes
/// after the others (least recently served first). A flooder's backlog is older than a quiet person's new reply, so
/// by age alone it would win every free place; this way they take turns, whatever the channel's pacing. Remembers
/// the last <see cref="Capacity"/> chats per channel (older ones count as never served); thread-safe.
/// </summary>
public sealed class RecentlyServed
{
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, string Address), long> _turns = [];
    private long _turn;

    /// <summary>The platform accepted a message to this chat now.</summary>
    public void Served(string channel, string address)
    {
        lock (_gate)
        {
            _turns[(channel, address)] = ++_turn;
            if (_turns.Count > Capacity)
            {
                // Forget the older half at once, so this runs once per Capacity / 2 sends.
                var keepFrom = _turn - (Capacity / 2);
                foreach (var stale in _turns.Where(t => t.Value <= keepFrom).Select(t => t.Key).ToList())
                {
                    _turns.Remove(stale);
                }
            }
        }
    }

    /// <summary>When the chat was last sent to, as a turn number: 0 when not recently.</summary>
    public long LastTurn(string channel, string address)
    {
        lock (_gate)
        {
            return _turns.GetValueOrDefault((channel, address));
        }
    }
}
