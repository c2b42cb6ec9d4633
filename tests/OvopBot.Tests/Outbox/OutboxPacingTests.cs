using OvopBot.Channels.Abstractions;
using OvopBot.Outbox;
using OvopBot.Tests.Fakes;

namespace OvopBot.Tests.Outbox;

public sealed class OutboxPacingTests
{
    private const string RetryAfter7 =
        """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}""";

    [Fact]
    public async Task A_chat_at_its_limit_is_deferred_while_other_chats_are_served()
    {
        await using var f = await OutboxPacingFixture.StartAsync();
        await f.EnqueueAsync(100, "satu");
        var second = await f.EnqueueAsync(100, "dua");
        await f.EnqueueAsync(200, "untuk 200");

        var (handled, pause) = await f.DrainAsync();

        Assert.Equal(2, handled);
        Assert.Null(pause);
        Assert.Equal(["satu"], f.TextsTo(100));
        Assert.Equal(["untuk 200"], f.TextsTo(200));
        var row = await f.RowAsync(second);
        Assert.Equal(("pending", 0), (row.Status, row.Attempts));
        Assert.Equal(f.Clock.GetUtcNow() + TimeSpan.FromSeconds(1), row.NextAttemptAt);

        f.Clock.Advance(TimeSpan.FromSeconds(1));
        await f.DrainAsync();
        Assert.Equal(["satu", "dua"], f.TextsTo(100));
    }

    [Fact]
    public async Task A_long_message_sent_in_three_parts_holds_its_chat_for_three_seconds()
    {
        await using var f = await OutboxPacingFixture.StartAsync();
        var paragraph = new string('a', 3000);
        await f.EnqueueAsync(100, string.Join("\n\n", paragraph, paragraph, paragraph));
        await f.EnqueueAsync(100, "berikutnya");

        await f.DrainAsync();
        Assert.Equal(3, f.TextsTo(100).Count);

        f.Clock.Advance(TimeSpan.FromSeconds(2));
        await f.DrainAsync();
        Assert.Equal(3, f.TextsTo(100).Count);

        f.Clock.Advance(TimeSpan.FromSeconds(1));
        await f.DrainAsync();
        Assert.Equal("berikutnya", f.TextsTo(100)[^1]);
    }

    [Fact]
    public async Task When_the_channel_budget_is_short_replies_go_before_older_broadcasts()
    {
        // 2/s: two may be in flight or answered within the last second.
        await using var f = await OutboxPacingFixture.StartAsync(telegram: o => o.MessagesPerSecond = 2);
        await f.EnqueueAsync(1, "siaran", OutboundKind.Broadcast, broadcastId: 9);
        await f.EnqueueAsync(2, "siaran", OutboundKind.Broadcast, broadcastId: 9);
        await f.EnqueueAsync(3, "balasan");
        await f.EnqueueAsync(4, "balasan");

        var (handled, pause) = await f.DrainAsync();

        Assert.Equal(2, handled);
        Assert.NotNull(pause);
        // Different chats are sent to in parallel, so their arrival order is free.
        Assert.Equal([3L, 4L], f.Server.Sent.Select(m => m.ChatId).Order());

        Assert.InRange(pause.Value - f.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        // A second after the replies were answered their places are free again.
        f.Clock.Advance(TimeSpan.FromSeconds(1));
        await f.DrainAsync();
        Assert.Equal([1L, 2L, 3L, 4L], f.Server.Sent.Select(m => m.ChatId).Order());
    }

    [Fact]
    public async Task A_slow_send_holds_only_its_own_chat_while_the_next_rows_start_as_places_free_up()
    {
        // Two in flight, two rows per take: a pass that waited for its slowest send would stop at chat 1.
        await using var f = await OutboxPacingFixture.StartAsync(new OutboxOptions { MaxParallelSends = 2, BatchSize = 2 });
        for (var chat = 1; chat <= 5; chat++)
        {
            await f.EnqueueAsync(chat, "siaran", OutboundKind.Broadcast, broadcastId: 9);
        }

        f.Server.SlowDownChat(1);
        var draining = f.DrainAsync();

        await f.Server.WaitUntilAsync(s => s.Sent.Count == 4);
        Assert.Equal([2L, 3L, 4L, 5L], f.Server.Sent.Select(m => m.ChatId).Order());
        Assert.False(draining.IsCompleted);

        f.Server.AnswerChat(1);
        var (handled, pause) = await draining;
        Assert.Equal(5, handled);
        Assert.Null(pause);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], f.Server.Sent.Select(m => m.ChatId).Order());
    }

    [Fact]
    public async Task The_platforms_retry_after_pauses_the_whole_channel_without_costing_an_attempt()
    {
        await using var f = await OutboxPacingFixture.StartAsync(new OutboxOptions { MaxParallelSends = 1 });
        var first = await f.EnqueueAsync(1, "a");
        await f.EnqueueAsync(2, "b");
        await f.EnqueueAsync(3, "c");
        f.Server.FailNext("sendMessage", 429, RetryAfter7);
        var start = f.Clock.GetUtcNow();

        var (handled, pause) = await f.DrainAsync();

        Assert.Equal(start + TimeSpan.FromSeconds(7), pause);
        Assert.Equal(1, handled);
        Assert.Single(f.Server.CallsOf("sendMessage"));
        var row = await f.RowAsync(first);
        Assert.Equal(("pending", 0, start + TimeSpan.FromSeconds(7)), (row.Status, row.Attempts, row.NextAttemptAt));

        f.Clock.Advance(TimeSpan.FromSeconds(7));
        await f.DrainAsync();
        // Nothing lost, nothing twice; the paused row is the oldest, so it goes first.
        Assert.Equal([1L, 2L, 3L], f.Server.Sent.Select(m => m.ChatId));
        Assert.Equal("sent", (await f.RowAsync(first)).Status);
    }

    [Fact]
    public async Task The_platforms_retry_after_reaches_the_pacer_so_a_drain_to_one_chat_waits_too()
    {
        await using var f = await OutboxPacingFixture.StartAsync(new OutboxOptions { MaxParallelSends = 1 });
        await f.EnqueueAsync(1, "a");
        await f.EnqueueAsync(2, "b");
        f.Server.FailNext("sendMessage", 429, RetryAfter7);
        await f.DrainAsync();

        // The console drains one address at a time: it asks the same pacer, which heard Telegram's "retry after 7".
        var (handled, pause) = await f.Dispatcher.DrainAsync(f.Sender, CancellationToken.None, "2");

        Assert.Equal(0, handled);
        Assert.Equal(f.Clock.GetUtcNow() + TimeSpan.FromSeconds(7), pause);
        Assert.Single(f.Server.CallsOf("sendMessage"));
    }

    [Theory]
    [InlineData(FakeRateModel.TokenBucket)]
    [InlineData(FakeRateModel.SlidingWindow)]
    public async Task On_the_real_clock_neither_limiter_model_answers_429(FakeRateModel model)
    {
        await using var f = await OutboxPacingFixture.StartAsync(telegram: o => o.MessagesPerSecond = 5,
            clock: TimeProvider.System);
        f.Server.BotPerSecond = 5;
        f.Server.BotRateModel = model;
        for (var chat = 1; chat <= 16; chat++)
        {
            await f.EnqueueAsync(chat, "siaran", OutboundKind.Broadcast, broadcastId: 9);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (f.Server.Sent.Count < 16)
        {
            var (_, pause) = await f.DrainAsync();
            if (pause is { } until && until > f.Time.GetUtcNow())
            {
                await Task.Delay(until - f.Time.GetUtcNow(), timeout.Token);
            }
        }

        Assert.Equal(0, f.Server.FloodRefusals);
    }

    [Fact]
    public async Task A_server_error_is_retried_after_a_backoff_and_counted_as_an_attempt()
    {
        await using var f = await OutboxPacingFixture.StartAsync();
        var id = await f.EnqueueAsync(1, "halo");
        f.Server.FailNext("sendMessage", 502, "<html>Bad Gateway</html>");
        var start = f.Clock.GetUtcNow();

        await f.DrainAsync();
        var row = await f.RowAsync(id);
        Assert.Equal(("pending", 1, start + TimeSpan.FromSeconds(2)), (row.Status, row.Attempts, row.NextAttemptAt));

        await f.DrainAsync();
        Assert.Single(f.Server.CallsOf("sendMessage"));

        f.Clock.Advance(TimeSpan.FromSeconds(2));
        await f.DrainAsync();
        Assert.Equal(["halo"], f.TextsTo(1));
        Assert.Equal(("sent", 2), ((await f.RowAsync(id)).Status, (await f.RowAsync(id)).Attempts));
    }

    [Fact]
    public async Task A_message_the_platform_refuses_as_a_bad_request_fails_and_is_never_retried()
    {
        await using var f = await OutboxPacingFixture.StartAsync();
        var id = await f.EnqueueAsync(404, "halo", knownChat: false);

        await f.DrainAsync();
        f.Clock.Advance(TimeSpan.FromHours(1));
        await f.DrainAsync();

        Assert.Equal(("failed", 1), ((await f.RowAsync(id)).Status, (await f.RowAsync(id)).Attempts));
        Assert.Single(f.Server.CallsOf("sendMessage"));
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_marked_unreachable_and_their_other_messages_fail_unsent()
    {
        await using var f = await OutboxPacingFixture.StartAsync();
        f.Server.Block(1);
        var first = await f.EnqueueAsync(1, "satu", knownChat: false);
        var second = await f.EnqueueAsync(1, "dua", knownChat: false);
        await f.EnqueueAsync(2, "untuk 2");

        await f.DrainAsync();
        f.Clock.Advance(TimeSpan.FromHours(1));
        await f.DrainAsync();

        Assert.False(await f.ReachableAsync(1));
        Assert.True(await f.ReachableAsync(2));
        Assert.Equal("failed", (await f.RowAsync(first)).Status);
        Assert.Equal("failed", (await f.RowAsync(second)).Status);
        Assert.Single(f.Server.CallsOf("sendMessage"), c => c.Parameters["chat_id"]!.ToString() == "1");
        Assert.Equal(["untuk 2"], f.TextsTo(2));
    }
}
