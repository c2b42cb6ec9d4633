namespace OvopBot.Tests.Fakes;

/// <summary>
/// A strict sliding window on the fake's clock: at most <c>sends</c> accepted in any <c>per</c> (an accepted send
/// counts until exactly <c>per</c> later). Stricter than a token bucket: a bucket's full burst followed by its steady
/// rate puts almost twice the limit in one sliding second.
/// </summary>
internal sealed class FakeSlidingWindow(int sends, TimeSpan per) : IFakeRateLimit
{
    private readonly Queue<DateTimeOffset> _accepted = new();

    public double Lowest { get; private set; } = double.PositiveInfinity;

    public TimeSpan WaitFor(DateTimeOffset now)
    {
        Expire(now);
        return _accepted.Count < sends ? TimeSpan.Zero : _accepted.Peek() + per - now;
    }

    public void Take(DateTimeOffset now)
    {
        Expire(now);
        Lowest = Math.Min(Lowest, sends - _accepted.Count);
        _accepted.Enqueue(now);
    }

    private void Expire(DateTimeOffset now)
    {
        while (_accepted.Count > 0 && _accepted.Peek() + per <= now)
        {
            _accepted.Dequeue();
        }
    }
}
