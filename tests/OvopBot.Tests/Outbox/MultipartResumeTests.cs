using Dapper;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram;
using OvopBot.Outbox;
using OvopBot.Storage;
using OvopBot.Tests.Channels.Telegram.Support;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Outbox;

/// <summary>
/// A message Telegram gets in several parts resumes at the first part not sent when a part fails: the real outbox
/// (SQLite) and Telegram sender against the fake Bot API, which counts what each chat received.
/// </summary>
public sealed class MultipartResumeTests
{
    private const long Chat = 5123400011;

    /// <summary>Three paragraphs of 3,000 characters: too long for one Telegram message, so three parts.</summary>
    private static readonly string LongText = string.Join("\n\n", "ABC".Select(c => new string(c, 3000)));

    [Fact]
    public async Task A_part_refused_by_the_chat_flood_limit_is_retried_without_resending_the_parts_before_it()
    {
        using var bot = new BotHarness();
        await using var fake = await FakeTelegramServer.StartAsync(bot.Time);
        fake.AddChat(Chat);
        // One message at once per chat, one a second: parts 2 and 3 each meet a 429 with retry_after.
        fake.PerChatBurst = 1;
        fake.PerChatPerSecond = 1;
        using var telegram = new TelegramTestClient(fake.BaseUrl);
        var sender = new TelegramSender(telegram.Client);
        var id = await EnqueueAsync(bot, LongText);
        var dispatcher = bot.Get<OutboxDispatcher>();

        for (var pass = 0; pass < 6 && Status(bot, id) == "pending"; pass++)
        {
            await dispatcher.DrainAsync(sender, CancellationToken.None);
            bot.Time.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(2, fake.FloodRefusals);
        Assert.Equal(TelegramTextSplitter.Split(LongText), fake.SentTo(Chat).Select(m => m.Text!));
        Assert.Equal("sent", Status(bot, id));
        Assert.Equal("1,2,3", Column(bot, id, "platform_message_id"));
    }

    [Fact]
    public async Task A_server_error_on_the_second_part_resends_only_the_second_and_third()
    {
        using var bot = new BotHarness();
        await using var fake = await FakeTelegramServer.StartAsync(bot.Time);
        fake.AddChat(Chat);
        fake.PerChatBurst = 10;
        var failed = false;
        fake.Delivered = _ =>
        {
            if (!failed)
            {
                failed = true;
                fake.FailNext("sendMessage", 502, """{"ok":false,"error_code":502,"description":"Bad Gateway"}""");
            }
        };
        using var telegram = new TelegramTestClient(fake.BaseUrl);
        var sender = new TelegramSender(telegram.Client);
        var id = await EnqueueAsync(bot, LongText);
        var dispatcher = bot.Get<OutboxDispatcher>();

        await dispatcher.DrainAsync(sender, CancellationToken.None);
        Assert.Single(fake.SentTo(Chat));
        Assert.Equal("pending", Status(bot, id));
        Assert.Equal("1", Column(bot, id, "sent_parts"));

        // The row comes back after the outbox's backoff; the restart in between shows the progress is in the store.
        bot.Restart();
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await bot.Get<OutboxDispatcher>().DrainAsync(sender, CancellationToken.None);

        Assert.Equal(TelegramTextSplitter.Split(LongText), fake.SentTo(Chat).Select(m => m.Text!));
        Assert.Equal("sent", Status(bot, id));
    }

    private static async Task<long> EnqueueAsync(BotHarness bot, string text)
    {
        using var write = await bot.Database.BeginWriteAsync(CancellationToken.None);
        var now = bot.Time.GetUtcNow();
        var address = Chat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var contact = write.Connection.ExecuteScalar<long>(
            "INSERT INTO contacts (channel, address, created_at) VALUES ('telegram', @address, @now) RETURNING id",
            new { address, now = DbTime.Write(now) }, write.Transaction);
        var id = OutboxStore.Enqueue(write, contact, "telegram", address, OutboundKind.Reply, new OutboundMessage { Text = text }, now)!.Value;
        write.Commit();
        return id;
    }

    private static string Status(BotHarness bot, long id) => Column(bot, id, "status");

    private static string Column(BotHarness bot, long id, string column)
    {
        using var connection = bot.Database.Open();
        return connection.ExecuteScalar<string>($"SELECT {column} FROM outbound_messages WHERE id = @id", new { id })!;
    }
}
