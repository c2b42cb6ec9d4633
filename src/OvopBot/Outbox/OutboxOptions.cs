namespace OvopBot.Outbox;

/// <summary>The <c>Outbox</c> configuration section: how failed sends are retried.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Attempts before a message that keeps failing transiently is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles with every attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many due rows one pass takes from the store.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Sends in flight at once on one channel, each to a different chat. A platform a few hundred milliseconds
    /// away needs several in flight to reach its allowed rate (Telegram: 30 per second).
    /// </summary>
    public int MaxParallelSends { get; set; } = 8;
}
