using Dapper;
using OvopBot.Outbox;
using OvopBot.Tests.Broadcasts;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Outbox;

/// <summary>The outbox never sends a message twice because recording its success failed.</summary>
public sealed class OutboxBookkeepingTests
{
    [Fact]
    public async Task A_send_that_cannot_be_recorded_is_kept_stops_sending_and_is_recorded_later_without_a_resend()
    {
        using var bot = new BotHarness();
        await bot.SayAsync("halo", "p1");
        await bot.SayAsync("halo", "p2");
        // The store refuses to mark anything sent, as a full disk would.
        Execute(bot, "CREATE TRIGGER refuse_sent BEFORE UPDATE OF status ON outbound_messages WHEN NEW.status = 'sent' " +
            "BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END");
        var sender = new RecordingSender("console");
        var dispatcher = bot.Get<OutboxDispatcher>();

        var first = await dispatcher.DrainAsync(sender, CancellationToken.None);
        var second = await dispatcher.DrainAsync(sender, CancellationToken.None);

        // Sends in flight together may both go out; after that nothing more is sent, and nothing twice.
        Assert.NotNull(first.PauseUntil);
        Assert.NotNull(second.PauseUntil);
        var sentWhileRefused = sender.Sent.Count;
        Assert.InRange(sentWhileRefused, 1, 2);
        Assert.Equal(sentWhileRefused, sender.Sent.Select(e => e.Id).Distinct().Count());
        Assert.Equal(2, Count(bot, "SELECT count(*) FROM outbound_messages WHERE status = 'pending'"));

        Execute(bot, "DROP TRIGGER refuse_sent");
        var after = await dispatcher.DrainAsync(sender, CancellationToken.None);

        Assert.Null(after.PauseUntil);
        Assert.Equal(2, sender.Sent.Count);
        Assert.Equal(2, sender.Sent.Select(e => e.Id).Distinct().Count());
        Assert.Equal(2, Count(bot, "SELECT count(*) FROM outbound_messages WHERE status = 'sent' AND platform_message_id IS NOT NULL"));
    }

    private static void Execute(BotHarness bot, string sql)
    {
        using var connection = bot.Database.Open();
        connection.Execute(sql);
    }

    private static long Count(BotHarness bot, string sql)
    {
        using var connection = bot.Database.Open();
        return connection.ExecuteScalar<long>(sql);
    }
}
