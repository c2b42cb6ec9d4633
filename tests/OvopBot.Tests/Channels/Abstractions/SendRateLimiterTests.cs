using OvopBot.Channels.Abstractions;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.Abstractions;

public sealed class SendRateLimiterTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly ManualTimeProvider _clock = new();

    private SendRateLimiter Telegram(double perSecond = 30) =>
        new(new SendLimits(SendWindow.PerSecond(perSecond), Second), _clock);

    [Fact]
    public void A_chat_that_just_got_a_message_waits_one_second_while_other_chats_may_go()
    {
        var limiter = Telegram();

        Assert.True(limiter.TryReserve("100").CanSend);
        var again = limiter.TryReserve("100");
        Assert.False(again.CanSend);
        Assert.Equal(Second, again.ChatWait);
        Assert.Equal(TimeSpan.Zero, again.ChannelWait);
        Assert.True(limiter.TryReserve("200").CanSend);

        _clock.Advance(Second);
        Assert.True(limiter.TryReserve("100").CanSend);
    }

    [Fact]
    public void A_split_message_counts_every_part_against_its_chat()
    {
        var limiter = Telegram();

        Assert.Equal(3, limiter.TryReserve("100", requests: 3).Requests);

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(Second, limiter.TryReserve("100").ChatWait);
        _clock.Advance(Second);
        Assert.True(limiter.TryReserve("100").CanSend);
    }

    [Fact]
    public void The_channel_sends_no_burst_a_few_at_once_then_one_every_thirtieth_of_a_second()
    {
        var limiter = Telegram();
        // The catch-up: 200 ms of sends at 30/s.
        for (var chat = 0; chat < 6; chat++)
        {
            Assert.True(limiter.TryReserve($"chat-{chat}").CanSend, $"message {chat + 1}");
        }

        var full = limiter.TryReserve("chat-6");
        Assert.False(full.CanSend);
        Assert.Equal(TimeSpan.Zero, full.ChatWait);
        Assert.InRange(full.ChannelWait, TimeSpan.FromMilliseconds(33), TimeSpan.FromMilliseconds(34));

        _clock.Advance(full.ChannelWait);
        Assert.True(limiter.TryReserve("chat-6").CanSend);
        Assert.False(limiter.TryReserve("chat-7").CanSend);
    }

    [Fact]
    public void A_refused_reservation_takes_nothing_from_the_budget()
    {
        var limiter = new SendRateLimiter(new SendLimits(new SendWindow(2, Second), Second), _clock);
        Assert.True(limiter.TryReserve("a").CanSend);
        Assert.False(limiter.TryReserve("a").CanSend);
        Assert.False(limiter.TryReserve("a").CanSend);

        Assert.True(limiter.TryReserve("b").CanSend);
        Assert.False(limiter.TryReserve("c").CanSend);
    }

    [Fact]
    public void A_send_keeps_its_place_until_one_second_after_its_answer()
    {
        var limiter = new SendRateLimiter(new SendLimits(new SendWindow(2, Second), TimeSpan.Zero), _clock);
        var first = limiter.TryReserve("a");
        _clock.Advance(Second);
        var second = limiter.TryReserve("b");
        Assert.True(first.CanSend && second.CanSend);

        // Both still in flight a second later: the window is full, and for how long is not known yet.
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(limiter.TryReserve("c").ChannelWait > TimeSpan.Zero);

        limiter.Answered(first);
        var held = limiter.TryReserve("c");
        Assert.Equal(Second, held.ChannelWait);
        _clock.Advance(Second);
        Assert.True(limiter.TryReserve("c").CanSend);
    }

    [Fact]
    public void After_the_platforms_retry_after_nothing_goes_until_it_is_over_then_no_burst()
    {
        var limiter = Telegram();
        limiter.Answered(limiter.TryReserve("a"));
        limiter.PlatformAskedToWait(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), limiter.TryReserve("b").ChannelWait);
        _clock.Advance(TimeSpan.FromSeconds(7));
        var afterPause = Enumerable.Range(0, 10).Count(i => limiter.TryReserve($"c{i}").CanSend);
        Assert.Equal(6, afterPause);
    }

    [Fact]
    public void A_daily_quota_beside_a_per_minute_rate_holds_both()
    {
        // The SMS shape: 20 a minute, 50 a day.
        var limiter = new SendRateLimiter(new SendLimits(
            [new SendWindow(20, TimeSpan.FromMinutes(1)), new SendWindow(50, TimeSpan.FromDays(1))], TimeSpan.Zero), _clock);
        var sent = new SendSimulation(limiter, _clock).Run(TimeSpan.FromHours(30), _ => TimeSpan.FromSeconds(1));

        var starts = sent.Select(s => s.Start).ToList();
        Assert.All(starts, t => Assert.InRange(starts.Count(u => u >= t && u < t + TimeSpan.FromMinutes(1)), 1, 20));
        Assert.All(starts, t => Assert.InRange(starts.Count(u => u >= t && u < t + TimeSpan.FromDays(1)), 1, 50));
        // The day's 50 go at the steady 20 a minute (3 s apart), then the next day's once the first is a day old.
        Assert.Equal(100, sent.Count);
        Assert.InRange(starts[49] - starts[0], TimeSpan.FromSeconds(140), TimeSpan.FromSeconds(160));
        Assert.True(starts[50] - starts[0] > TimeSpan.FromDays(1));
    }

    /// <summary>Round trips of a few milliseconds, with one request in fifty held up 150 ms on its way out.</summary>
    private static TimeSpan NearbyLeg(Random random) =>
        TimeSpan.FromMilliseconds(random.NextDouble() * 6 + (random.Next(100) == 0 ? 150 : 0));

    [Theory]
    [InlineData(30)]
    [InlineData(80)]
    [InlineData(1000)]
    public void Under_uneven_network_delays_neither_a_token_bucket_nor_a_sliding_window_refuses_and_the_rate_is_near_the_limit(
        int perSecond)
    {
        var limiter = new SendRateLimiter(new SendLimits(new SendWindow(perSecond, Second), Second), _clock);

        var sent = new SendSimulation(limiter, _clock).Run(TimeSpan.FromSeconds(60), NearbyLeg);

        var arrivals = sent.Select(s => s.Arrival).ToList();
        Assert.Equal(0, SendSimulation.Refusals(arrivals, FakeRateModel.TokenBucket, perSecond));
        Assert.Equal(0, SendSimulation.Refusals(arrivals, FakeRateModel.SlidingWindow, perSecond));
        Assert.InRange(SendSimulation.Rate(sent) / perSecond, 0.97, 1.0);
    }

    [Fact]
    public void A_distant_platform_with_wildly_uneven_delays_still_refuses_nothing_at_the_cost_of_its_round_trip()
    {
        var limiter = Telegram();

        // 50–250 ms each way.
        var sent = new SendSimulation(limiter, _clock).Run(TimeSpan.FromSeconds(60),
            random => TimeSpan.FromMilliseconds(50 + (random.NextDouble() * 200)));

        var arrivals = sent.Select(s => s.Arrival).ToList();
        Assert.Equal(0, SendSimulation.Refusals(arrivals, FakeRateModel.TokenBucket, 30));
        Assert.Equal(0, SendSimulation.Refusals(arrivals, FakeRateModel.SlidingWindow, 30));
        // Each place turns over once per second plus a round trip (300 ms on average): about 30 / 1.3.
        Assert.InRange(SendSimulation.Rate(sent), 21, 25);
    }

    [Fact]
    public void Freeing_a_place_when_the_request_leaves_instead_of_when_it_is_answered_draws_refusals_from_a_sliding_window()
    {
        var limiter = Telegram();

        var sent = new SendSimulation(limiter, _clock).Run(TimeSpan.FromSeconds(60), NearbyLeg, answeredAtOnce: true);

        Assert.True(SendSimulation.Refusals(sent.Select(s => s.Arrival), FakeRateModel.SlidingWindow, 30) > 0);
    }

    [Fact]
    public void A_token_buckets_full_burst_then_its_steady_rate_is_refused_by_a_sliding_window_but_not_by_a_bucket()
    {
        // What a bucket-shaped pacer sends: 30 at once, then one every thirtieth of a second.
        var start = _clock.GetUtcNow();
        var arrivals = Enumerable.Range(0, 30).Select(_ => start)
            .Concat(Enumerable.Range(1, 60).Select(i => start + (Second * i / 30)))
            .ToList();

        Assert.Equal(0, SendSimulation.Refusals(arrivals, FakeRateModel.TokenBucket, 30));
        Assert.True(SendSimulation.Refusals(arrivals, FakeRateModel.SlidingWindow, 30) >= 29);
    }
}
