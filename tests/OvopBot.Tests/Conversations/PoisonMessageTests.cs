using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Media;
using OvopBot.Storage;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Conversations;

/// <summary>A step that throws must not stop anybody else: retries with backoff, then a dead letter and an apology.</summary>
public sealed class PoisonMessageTests
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Makes every step of one person's messages throw, as a parser bug would, until switched off.</summary>
    private sealed class FaultFor(string address) : IStepFault
    {
        public volatile bool On = true;

        public void Before(StoredInbound message)
        {
            if (On && message.Message.Address == address)
            {
                throw new InvalidOperationException("injected step fault");
            }
        }
    }

    private static InboundMessage Text(string from, string id, string text, DateTimeOffset at) => new()
    {
        Channel = "telegram", Address = from, ExternalId = id, Kind = InboundKind.Text, Text = text, ReceivedAt = at,
    };

    [Fact]
    public async Task A_failing_message_is_retried_then_dead_lettered_while_another_person_on_the_same_worker_is_answered()
    {
        var fault = new FaultFor("poison");
        using var bot = new BotHarness(services => services.AddSingleton<IStepFault>(fault));
        await bot.SayAsync("halo", "poison-free-check"); // the stack works for others
        var now = bot.Time.GetUtcNow();
        await bot.Get<IInboundSink>().AcceptAsync([Text("poison", "p1", "halo", now), Text("quiet", "q1", "halo", now)], CancellationToken.None);

        var worker = Worker(bot);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            // Same worker (one partition), nothing advanced on the clock: the quiet person is answered while the
            // poison message is still waiting for its second attempt.
            await WaitUntilAsync(() => Count(bot, "SELECT count(*) FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = 'quiet'") == 1);
            Assert.Equal(1, Count(bot, "SELECT attempts FROM inbound_messages WHERE external_id = 'p1'"));
            Assert.Equal(0, Count(bot, "SELECT count(*) FROM inbound_messages WHERE failed_at IS NOT NULL"));

            // Second and third attempts after 250 ms and 500 ms: then the dead letter, within 750 ms of the first.
            await AdvanceUntilAsync(bot, () => Count(bot, "SELECT attempts FROM inbound_messages WHERE external_id = 'p1'") == 2);
            await AdvanceUntilAsync(bot, () => Count(bot, "SELECT count(*) FROM inbound_messages WHERE failed_at IS NOT NULL") == 1);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.Contains(RetryDelay, bot.Time.ScheduledDelays);
        Assert.Contains(RetryDelay * 2, bot.Time.ScheduledDelays);
        using var connection = bot.Database.Open();
        var letter = Assert.Single(DeadLetters.List(connection));
        Assert.Equal(3, letter.Attempts);
        Assert.Equal("telegram:poison", letter.Contact);
        Assert.Equal("halo", letter.Text);
        Assert.Contains("injected step fault", letter.Error, StringComparison.Ordinal);
        Assert.Equal(1, DeadLetters.FailedCount(connection));
        var apology = Assert.Single(connection.Query<string>(
            "SELECT o.text FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = 'poison'"));
        Assert.Equal("Maaf, pesan ini belum bisa kami proses. Coba jawab dengan cara lain, atau ketik BANTUAN.", apology);
        // The session did not move: the failed message never reached the engine's commit.
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM sessions s JOIN contacts c ON c.id = s.contact_id WHERE c.address = 'poison'"));
    }

    [Fact]
    public async Task A_retried_dead_letter_is_stepped_again_after_the_fix()
    {
        var fault = new FaultFor("poison");
        using var bot = new BotHarness(services => services.AddSingleton<IStepFault>(fault),
            new Dictionary<string, string> { ["Conversations:MaxAttempts"] = "1" });
        await bot.Get<IInboundSink>().AcceptAsync([Text("poison", "p1", "halo", bot.Time.GetUtcNow())], CancellationToken.None);
        var worker = Worker(bot);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(() => Count(bot, "SELECT count(*) FROM inbound_messages WHERE failed_at IS NOT NULL") == 1);
            fault.On = false;
            using (var write = await bot.Database.BeginWriteAsync(CancellationToken.None))
            {
                Assert.Equal(1, DeadLetters.Retry(write, null));
                write.Commit();
            }

            bot.Get<Signals>().Inbound.Notify();
            await WaitUntilAsync(() => Count(bot, "SELECT count(*) FROM sessions") == 1);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        using var connection = bot.Database.Open();
        Assert.Equal(0, DeadLetters.FailedCount(connection));
        var texts = connection.Query<string>("SELECT text FROM outbound_messages ORDER BY id").ToList();
        Assert.Equal(2, texts.Count);
        Assert.Contains("setuju?", texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_console_a_failing_line_gets_the_apology_and_the_next_line_is_answered()
    {
        var fault = new FaultFor("console-person");
        using var bot = new BotHarness(services => services.AddSingleton<IStepFault>(fault),
            new Dictionary<string, string> { ["Conversations:RetryDelay"] = "00:00:00" });
        var guard = bot.Get<InboundGuard>();

        await guard.HandleNowAsync(Text("console-person", "c1", "halo", bot.Time.GetUtcNow()), CancellationToken.None);
        fault.On = false;
        await guard.HandleNowAsync(Text("console-person", "c2", "halo", bot.Time.GetUtcNow()), CancellationToken.None);

        using var connection = bot.Database.Open();
        var texts = connection.Query<string>("SELECT text FROM outbound_messages ORDER BY id").ToList();
        Assert.StartsWith("Maaf, pesan ini belum bisa kami proses", texts[0], StringComparison.Ordinal);
        Assert.Contains("setuju?", texts[^1], StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(DeadLetters.List(connection)).Attempts);
    }

    [Fact]
    public async Task The_messages_verbs_list_and_requeue_dead_letters()
    {
        var fault = new FaultFor("poison");
        using var bot = new BotHarness(services => services.AddSingleton<IStepFault>(fault),
            new Dictionary<string, string> { ["Conversations:RetryDelay"] = "00:00:00" });
        await bot.Get<InboundGuard>().HandleNowAsync(Text("poison", "p1", "１-３ rusak", bot.Time.GetUtcNow()), CancellationToken.None);

        using (var failed = BotProcess.Start(bot.DatabasePath, "messages", "failed"))
        {
            var (output, _, exit) = await failed.RunToEndAsync([]);
            Assert.Equal(0, exit);
            Assert.Contains("telegram:poison", output, StringComparison.Ordinal);
            Assert.Contains("node -", output, StringComparison.Ordinal);
            Assert.Contains("text:  １-３ rusak", output, StringComparison.Ordinal);
            Assert.Contains("injected step fault", output, StringComparison.Ordinal);
        }

        using (var neither = BotProcess.Start(bot.DatabasePath, "messages", "retry"))
        {
            Assert.Equal(2, (await neither.RunToEndAsync([])).ExitCode);
        }

        using (var retry = BotProcess.Start(bot.DatabasePath, "messages", "retry", "--all"))
        {
            var (output, _, exit) = await retry.RunToEndAsync([]);
            Assert.Equal(0, exit);
            Assert.Contains("1 message(s) queued again", output, StringComparison.Ordinal);
        }

        Assert.Equal(0, Count(bot, "SELECT count(*) FROM inbound_messages WHERE failed_at IS NOT NULL OR processed_at IS NOT NULL"));
    }

    // One worker, so both people share it; the guard's budget comes from the bot's settings (3 attempts, 250 ms).
    private static InboundProcessorService Worker(BotHarness bot) => new(bot.Database, bot.Get<InboundGuard>(), bot.Get<MediaPolicy>(),
        Options.Create(new ConversationOptions { Workers = 1 }),
        bot.Get<Signals>(), bot.Time, NullLogger<InboundProcessorService>.Instance);

    private static long Count(BotHarness bot, string sql)
    {
        using var connection = bot.Database.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    private static async Task AdvanceUntilAsync(BotHarness bot, Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            bot.Time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(10, timeout.Token);
        }
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
