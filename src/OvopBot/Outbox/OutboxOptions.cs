namespace OvopBot.Outbox;

/// <summary>The <c>Outbox</c> configuration section: how failed sends are retried, how many sends are in flight.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Attempts before a message that keeps failing transiently is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles with every attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many due rows (at most one per person) the dispatcher takes from the store at a time.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Sends in flight at once on one channel, each to a different chat, unless
    /// <see cref="MaxParallelSendsPerChannel"/> names the channel. A platform a few hundred milliseconds away needs
    /// several in flight to reach its allowed rate (Telegram: 30 per second).
    /// </summary>
    public int MaxParallelSends { get; set; } = 8;

    /// <summary>
    /// Sends in flight per channel name, for channels whose rate needs more (or fewer) than
    /// <see cref="MaxParallelSends"/>: the rate times the round trip. WhatsApp at 80/s with Meta 0.3 s away needs
    /// about 24, at a raised tier of 1,000/s about 300; the pacer still keeps the rate, so more only costs connections.
    /// </summary>
    public Dictionary<string, int> MaxParallelSendsPerChannel { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["whatsapp"] = 64,
    };

    /// <summary>The sends one channel may have in flight at once (at least one).</summary>
    public int ParallelSendsFor(string channel) =>
        Math.Max(1, MaxParallelSendsPerChannel.TryGetValue(channel, out var perChannel) ? perChannel : MaxParallelSends);
}
