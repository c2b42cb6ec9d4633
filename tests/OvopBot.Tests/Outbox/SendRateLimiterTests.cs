using OvopBot.Outbox;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Outbox;

public sealed class SendRateLimiterTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void A_chat_that_just_got_a_message_waits_one_second_while_other_chats_may_go()
    {
        var limiter = new SendRateLimiter(30, 1, _clock);

        Assert.True(limiter.TryReserve("100").CanSend);
        var again = limiter.TryReserve("100");
        Assert.False(again.CanSend);
        Assert.Equal(TimeSpan.FromSeconds(1), again.ChatWait);
        Assert.Equal(TimeSpan.Zero, again.ChannelWait);
        Assert.True(limiter.TryReserve("200").CanSend);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryReserve("100").CanSend);
    }

    [Fact]
    public void A_split_message_counts_every_part_against_its_chat()
    {
        var limiter = new SendRateLimiter(30, 1, _clock);

        Assert.True(limiter.TryReserve("100", parts: 3).CanSend);

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TryReserve("100").ChatWait);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryReserve("100").CanSend);
    }

    [Fact]
    public void The_channel_allows_one_second_of_messages_at_once_then_one_every_thirtieth_of_a_second()
    {
        var limiter = new SendRateLimiter(30, 1, _clock);
        for (var chat = 0; chat < 30; chat++)
        {
            Assert.True(limiter.TryReserve($"chat-{chat}").CanSend, $"message {chat + 1} of the burst");
        }

        var full = limiter.TryReserve("chat-30");
        Assert.False(full.CanSend);
        Assert.Equal(TimeSpan.Zero, full.ChatWait);
        Assert.InRange(full.ChannelWait, TimeSpan.FromMilliseconds(33), TimeSpan.FromMilliseconds(34));

        _clock.Advance(full.ChannelWait);
        Assert.True(limiter.TryReserve("chat-30").CanSend);
        Assert.False(limiter.TryReserve("chat-31").CanSend);
    }

    [Fact]
    public void A_refused_reservation_takes_nothing_from_the_budget()
    {
        var limiter = new SendRateLimiter(2, 1, _clock);
        Assert.True(limiter.TryReserve("a").CanSend);
        Assert.False(limiter.TryReserve("a").CanSend);
        Assert.False(limiter.TryReserve("a").CanSend);

        Assert.True(limiter.TryReserve("b").CanSend);
        Assert.False(limiter.TryReserve("c").CanSend);
    }

    [Fact]
    public void Sustained_sending_never_exceeds_the_configured_rate_in_any_second()
    {
        var limiter = new SendRateLimiter(30, 1, _clock);
        var sentAt = new List<DateTimeOffset>();
        var start = _clock.GetUtcNow();
        var chat = 0;
        while (_clock.GetUtcNow() - start < TimeSpan.FromSeconds(10))
        {
            var decision = limiter.TryReserve($"chat-{chat}");
            if (decision.CanSend)
            {
                sentAt.Add(_clock.GetUtcNow());
                chat++;
            }
            else
            {
                _clock.Advance(decision.ChannelWait);
            }
        }

        // A full second's burst at the start, then the steady rate: 30 + 30 per second for ten seconds.
        Assert.InRange(sentAt.Count, 328, 331);
        var steady = sentAt.Where(t => t - start >= TimeSpan.FromSeconds(1)).ToList();
        var busiestSteadySecond = steady.Max(t => steady.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1)));
        Assert.InRange(busiestSteadySecond, 29, 30);
    }

    [Fact]
    public void A_jitter_allowance_shortens_the_burst_but_keeps_the_sustained_rate()
    {
        var limiter = new SendRateLimiter(30, 1, _clock, jitterAllowance: TimeSpan.FromMilliseconds(100));

        // 100 ms is three sends at 30/s: 27 may go at once.
        var start = _clock.GetUtcNow();
        var sentAt = SendForTenSeconds(limiter);

        Assert.Equal(27, sentAt.Count(t => t == start));
        Assert.InRange(sentAt.Count, 325, 328);
        var steady = sentAt.Where(t => t - start >= TimeSpan.FromSeconds(1)).ToList();
        var busiestSteadySecond = steady.Max(t => steady.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1)));
        Assert.InRange(busiestSteadySecond, 29, 30);
    }

    [Fact]
    public void Sends_that_reach_the_platform_up_to_the_allowance_out_of_step_never_overdraw_its_bucket()
    {
        var allowance = TimeSpan.FromMilliseconds(100);
        var limiter = new SendRateLimiter(30, 1, _clock, allowance);

        Assert.Equal(0, RefusalsByPlatformBucket(SendForTenSeconds(limiter), allowance));
    }

    [Fact]
    public void Without_an_allowance_the_same_delays_overdraw_the_platform_bucket()
    {
        var allowance = TimeSpan.FromMilliseconds(100);
        var limiter = new SendRateLimiter(30, 1, _clock);

        Assert.True(RefusalsByPlatformBucket(SendForTenSeconds(limiter), allowance) > 0);
    }

    /// <summary>Sends to a new chat each time for ten seconds of the manual clock, as fast as the limiter allows.</summary>
    private List<DateTimeOffset> SendForTenSeconds(SendRateLimiter limiter)
    {
        var sentAt = new List<DateTimeOffset>();
        var start = _clock.GetUtcNow();
        while (_clock.GetUtcNow() - start < TimeSpan.FromSeconds(10))
        {
            var decision = limiter.TryReserve($"chat-{sentAt.Count}");
            if (decision.CanSend)
            {
                sentAt.Add(_clock.GetUtcNow());
            }
            else
            {
                _clock.Advance(decision.ChannelWait);
            }
        }

        return sentAt;
    }

    /// <summary>
    /// The opening burst reaches the platform late by the whole spread (those requests also open connections) and
    /// every later send on time, so late and prompt ones arrive together while the platform's bucket is still full
    /// (the worst case: a full bucket banks nothing for the delay); counts what a Telegram-like bucket (30 at once,
    /// 30/s) refuses.
    /// </summary>
    private static int RefusalsByPlatformBucket(List<DateTimeOffset> sentAt, TimeSpan spread)
    {
        var arrivals = sentAt.Select(t => t == sentAt[0] ? t + spread : t).Order().ToList();
        var bucket = new FakeRateBucket(30, 30, arrivals[0]);
        var refused = 0;
        foreach (var arrival in arrivals)
        {
            if (bucket.WaitFor(arrival) > TimeSpan.Zero)
            {
                refused++;
            }
            else
            {
                bucket.Take(arrival);
            }
        }

        return refused;
    }
}
