namespace OvopBot.Tests.Fakes;

/// <summary>A token bucket on the fake's clock: <c>capacity</c> messages at once, refilled at <c>rate</c> per second.</summary>
internal sealed class FakeRateBucket : IFakeRateLimit
{
    private readonly double _capacity;
    private readonly double _rate;
    private double _tokens;
    private DateTimeOffset _last;

    public FakeRateBucket(double capacity, double rate, DateTimeOffset now)
    {
        _capacity = capacity;
        _rate = rate;
        _tokens = capacity;
        _last = now;
    }

    /// <summary>How long until one message may go; zero when it may go now.</summary>
    public TimeSpan WaitFor(DateTimeOffset now)
    {
        Refill(now);
        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / _rate);
    }

    /// <summary>The fewest tokens there were when a message took one (the margin the sender kept).</summary>
    public double Lowest { get; private set; } = double.PositiveInfinity;

    public void Take(DateTimeOffset now)
    {
        Refill(now);
        Lowest = Math.Min(Lowest, _tokens);
        _tokens -= 1;
    }

    private void Refill(DateTimeOffset now)
    {
        if (now > _last)
        {
            _tokens = Math.Min(_capacity, _tokens + ((now - _last).TotalSeconds * _rate));
            _last = now;
        }
    }
}
