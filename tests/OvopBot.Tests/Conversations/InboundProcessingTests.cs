using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Media;
using OvopBot.Storage;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Conversations;

public sealed class InboundProcessingTests
{
    private static InboundMessage Text(string from, string id, string text, DateTimeOffset at) => new()
    {
        Channel = "telegram", Address = from, ExternalId = id, Kind = InboundKind.Text, Text = text, ReceivedAt = at,
    };

    [Fact]
    public async Task The_same_message_delivered_twice_is_stored_and_answered_once()
    {
        using var bot = new BotHarness();
        var message = Text("42", "update-1", "halo", bot.Time.GetUtcNow());

        var first = await bot.SendAsync(message);
        var second = await bot.SendAsync(message);
        var accepted = await bot.Get<IInboundSink>().AcceptAsync([message, message], CancellationToken.None);

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Equal(0, accepted);
        using var connection = bot.Database.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM inbound_messages"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM outbound_messages"));
    }

    [Fact]
    public async Task Messages_accepted_before_a_crash_are_stepped_after_the_restart_in_order()
    {
        using var bot = new BotHarness();
        var now = bot.Time.GetUtcNow();
        // Accepted (and acknowledged to the platform) but never stepped: the process died right after the commit.
        await bot.Get<IInboundSink>().AcceptAsync(
            [Text("7", "u1", "halo", now), Text("7", "u2", "ya", now), Text("7", "u3", "1", now), Text("8", "u4", "halo", now)],
            CancellationToken.None);
        bot.Restart();

        var worker = new InboundProcessorService(bot.Database, bot.Get<InboundGuard>(), bot.Get<MediaPolicy>(),
            Options.Create(new ConversationOptions { Workers = 2 }), bot.Get<Signals>(), bot.Time,
            NullLogger<InboundProcessorService>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(() => Count(bot, "SELECT count(*) FROM inbound_messages WHERE processed_at IS NULL") == 0);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        using var connection = bot.Database.Open();
        var replies = connection.Query<string>(
            "SELECT o.text FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = '7' ORDER BY o.id").ToList();
        Assert.Equal(3, replies.Count);
        Assert.Contains("setuju?", replies[0], StringComparison.Ordinal);
        Assert.Contains("nama desa", replies[1], StringComparison.Ordinal);
        Assert.Contains("Mohon tulis nama desa", replies[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_message_gets_a_short_answer_and_saves_nothing()
    {
        using var bot = new BotHarness();
        await bot.SayAsync("halo");
        await bot.SayAsync("ya");
        await bot.SayAsync("1");

        var replies = await bot.SayAsync(new string('a', 10_000));

        var text = Assert.Single(replies);
        Assert.Contains("terlalu panjang", text, StringComparison.Ordinal);
        Assert.Contains("nama desa", text, StringComparison.Ordinal);
        Assert.True(text.Length < 500);
        using var connection = bot.Database.Open();
        Assert.DoesNotContain("aaaaaaaaaa", connection.QuerySingle<string>("SELECT state_json FROM sessions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_people_at_once_each_get_their_own_answers_in_order()
    {
        using var bot = new BotHarness();
        var people = Enumerable.Range(1, 40).Select(i => $"p{i}").ToList();
        var lines = new[] { "halo", "ya", "Oelnasi", "1", "2", "Nama Orang" };

        await Task.WhenAll(people.Select(async person =>
        {
            foreach (var line in lines)
            {
                await bot.SayAsync(line, person);
            }
        }));

        using var connection = bot.Database.Open();
        var states = connection.Query<(string Address, string Node)>(
            "SELECT c.address, s.node_id FROM sessions s JOIN contacts c ON c.id = s.contact_id").ToList();
        Assert.Equal(40, states.Count);
        Assert.All(states, s => Assert.Equal("phone", s.Node));
        Assert.Equal(240, connection.ExecuteScalar<long>("SELECT count(*) FROM outbound_messages"));
    }

    private static long Count(BotHarness bot, string sql)
    {
        using var connection = bot.Database.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    /// <summary>Polls a condition the background worker will make true (bounded, so a bug fails instead of hanging).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
