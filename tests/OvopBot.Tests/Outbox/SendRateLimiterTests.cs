using OvopBot.Outbox;
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
}
