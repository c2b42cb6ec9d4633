namespace OvopBot.Tests.Fakes;

/// <summary>How a fake platform counts sends against a limit (<see cref="FakeRateModel"/>).</summary>
internal interface IFakeRateLimit
{
    /// <summary>How long until one more send may go; zero when it may go now.</summary>
    TimeSpan WaitFor(DateTimeOffset now);

    /// <summary>Counts an accepted send.</summary>
    void Take(DateTimeOffset now);

    /// <summary>The fewest places (tokens, free slots) there were when a send took one: below 1 would have been refused.</summary>
    double Lowest { get; }
}

/// <summary>
/// The two ways a platform may count "N per second" (Telegram and Meta do not document theirs): a token bucket
/// (N at once, refilled at N per second) or a strict sliding window (never more than N in any second).
/// </summary>
public enum FakeRateModel
{
    TokenBucket,
    SlidingWindow,
}

internal static class FakeRateLimits
{
    public static IFakeRateLimit Create(FakeRateModel model, double perSecond, DateTimeOffset now) => model switch
    {
        FakeRateModel.SlidingWindow => new FakeSlidingWindow((int)Math.Floor(perSecond), TimeSpan.FromSeconds(1)),
        _ => new FakeRateBucket(perSecond, perSecond, now),
    };
}
