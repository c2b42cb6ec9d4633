using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Media;
using OvopBot.Storage;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Conversations;

/// <summary>One person writing fast never delays the others; their own messages wait, in order, and they are told once.</summary>
public sealed class FloodingTests
{
    [Fact]
    public async Task A_flooder_is_paced_and_told_to_wait_once_while_a_quiet_person_is_answered_at_once()
    {
        using var bot = new BotHarness(settings: new Dictionary<string, string>
        {
            ["Conversations:PerSenderBurst"] = "3", ["Conversations:PerSenderPerMinute"] = "60",
        });
        var now = bot.Time.GetUtcNow();
        var flood = Enumerable.Range(0, 12).Select(i => Text("flooder", $"f{i}", i == 0 ? "halo" : "spam " + i, now)).ToList();
        await bot.Get<IInboundSink>().AcceptAsync([.. flood, Text("quiet", "q1", "halo", now)], CancellationToken.None);

        var worker = new InboundProcessorService(bot.Database, bot.Get<InboundGuard>(), bot.Get<MediaPolicy>(),
            Options.Create(new ConversationOptions { Workers = 1, PerSenderBurst = 3, PerSenderPerMinute = 60 }), bot.Get<Signals>(), bot.Time,
            NullLogger<InboundProcessorService>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            // Without the clock moving: the quiet person is answered, the flooder had their burst and one notice.
            await WaitUntilAsync(() => Replies(bot, "quiet").Count == 1 && Replies(bot, "flooder").Any(r => r.StartsWith("Mohon tunggu", StringComparison.Ordinal)));
            Assert.Equal(3, Count(bot, "SELECT count(*) FROM inbound_messages WHERE external_id LIKE 'f%' AND processed_at IS NOT NULL"));

            // A second a message: the rest follows in order, and the notice is not repeated.
            for (var i = 0; i < 40 && Count(bot, "SELECT count(*) FROM inbound_messages WHERE processed_at IS NULL") > 0; i++)
            {
                bot.Time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(50);
            }

            await WaitUntilAsync(() => Count(bot, "SELECT count(*) FROM inbound_messages WHERE processed_at IS NULL") == 0);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        var flooder = Replies(bot, "flooder");
        Assert.Single(flooder, r => r.StartsWith("Mohon tunggu sebentar", StringComparison.Ordinal));
        using var connection = bot.Database.Open();
        var order = connection.Query<string>(
            "SELECT external_id FROM inbound_messages WHERE external_id LIKE 'f%' ORDER BY processed_at, id").ToList();
        Assert.Equal(flood.Select(m => m.ExternalId), order);
    }

    private static InboundMessage Text(string from, string id, string text, DateTimeOffset at) => new()
    {
        Channel = "telegram", Address = from, ExternalId = id, Kind = InboundKind.Text, Text = text, ReceivedAt = at,
    };

    private static List<string> Replies(BotHarness bot, string address)
    {
        using var connection = bot.Database.Open();
        return connection.Query<string>(
            "SELECT o.text FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = @address ORDER BY o.id",
            new { address }).ToList();
    }

    private static long Count(BotHarness bot, string sql)
    {
        using var connection = bot.Database.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
