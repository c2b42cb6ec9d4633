using OvopBot.Channels.Abstractions;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.Abstractions;

/// <summary>
/// Drives a <see cref="SendRateLimiter"/> on the manual clock the way the outbox does: a new recipient for every send,
/// as fast as the limiter allows, any number in flight. Each request reaches the platform after a random delay and is
/// answered after another (seeded, so runs repeat), and the limiter is told of each answer when it comes back. The
/// platform's count is checked afterwards by feeding the arrival times, in arrival order, to a fake platform limit.
/// </summary>
internal sealed class SendSimulation(SendRateLimiter limiter, ManualTimeProvider clock)
{
    /// <summary>When each request left, reached the platform and was answered.</summary>
    public sealed record Send(DateTimeOffset Start, DateTimeOffset Arrival, DateTimeOffset Answer);

    /// <summary>
    /// Sends for <paramref name="duration"/>; each leg of a round trip takes <paramref name="leg"/> (drawn per request).
    /// With <paramref name="answeredAtOnce"/> the limiter is told a request was answered as soon as it leaves, as a
    /// pacer that ignores the round trip would count.
    /// </summary>
    public IReadOnlyList<Send> Run(TimeSpan duration, Func<Random, TimeSpan> leg, int seed = 7, bool answeredAtOnce = false)
    {
        var random = new Random(seed);
        var answers = new PriorityQueue<PaceDecision, DateTimeOffset>();
        var sends = new List<Send>();
        var start = clock.GetUtcNow();
        while (clock.GetUtcNow() - start < duration)
        {
            var now = clock.GetUtcNow();
            while (answers.TryPeek(out var answered, out var at) && at <= now)
            {
                answers.Dequeue();
                limiter.Answered(answered);
            }

            var decision = limiter.TryReserve($"recipient-{sends.Count}");
            if (decision.CanSend)
            {
                var arrival = now + leg(random);
                var answer = arrival + leg(random);
                sends.Add(new Send(now, arrival, answer));
                answers.Enqueue(decision, answeredAtOnce ? now : answer);
                continue;
            }

            var next = now + decision.ChannelWait;
            if (answers.TryPeek(out _, out var firstAnswer) && firstAnswer < next)
            {
                next = firstAnswer;
            }

            clock.Advance(next > now ? next - now : TimeSpan.FromTicks(1));
        }

        return sends;
    }

    /// <summary>How many of these sends a platform counting them with <paramref name="model"/> at <paramref name="perSecond"/> refuses.</summary>
    public static int Refusals(IEnumerable<DateTimeOffset> arrivals, FakeRateModel model, double perSecond)
    {
        var ordered = arrivals.Order().ToList();
        if (ordered.Count == 0)
        {
            return 0;
        }

        var limit = FakeRateLimits.Create(model, perSecond, ordered[0]);
        var refused = 0;
        foreach (var arrival in ordered)
        {
            if (limit.WaitFor(arrival) > TimeSpan.Zero)
            {
                refused++;
            }
            else
            {
                limit.Take(arrival);
            }
        }

        return refused;
    }

    /// <summary>Sends per second over the run, judged at the platform (first to last arrival).</summary>
    public static double Rate(IReadOnlyList<Send> sends)
    {
        var span = sends.Max(s => s.Arrival) - sends.Min(s => s.Arrival);
        return (sends.Count - 1) / span.TotalSeconds;
    }
}
