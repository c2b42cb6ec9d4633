using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram;
using OvopBot.Channels.WhatsApp;
using OvopBot.Outbox;
using OvopBot.Storage;
using OvopBot.Tests.Channels.Telegram.Support;
using OvopBot.Tests.Channels.WhatsApp;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Outbox;

/// <summary>
/// A message Telegram or WhatsApp gets in several parts has each accepted part recorded before the next is sent, and
/// resumes at the first part not sent after a failure or a restart: the real outbox (SQLite) and senders against the
/// fake Bot API and Graph API, which count what each person received.
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

    private const string WaPerson = "6281234500011";

    [Fact]
    public async Task WhatsApp_records_each_part_the_platform_accepted_before_sending_the_next()
    {
        using var bot = new BotHarness();
        await using var graph = await FakeGraphApiServer.StartAsync(bot.Time);
        using var http = new HttpClient();
        var sender = await WhatsAppSenderAsync(bot, graph, http);
        var id = await EnqueueAsync(bot, LongText, "whatsapp", WaPerson);
        var recordedWhenSent = new List<string?>();
        // What a kill -9 at this moment would leave in the store: the parts before this one.
        graph.Delivered = _ => recordedWhenSent.Add(Column(bot, id, "sent_parts"));

        await bot.Get<OutboxDispatcher>().DrainAsync(sender, CancellationToken.None);

        Assert.Equal("sent", Status(bot, id));
        var parts = Column(bot, id, "platform_message_id").Split(',');
        Assert.Equal(3, parts.Length);
        Assert.Equal([null, parts[0], $"{parts[0]},{parts[1]}"], recordedWhenSent);
    }

    [Fact]
    public async Task WhatsApp_after_a_server_error_on_the_second_part_and_a_restart_each_part_arrives_exactly_once()
    {
        using var bot = new BotHarness();
        await using var graph = await FakeGraphApiServer.StartAsync(bot.Time);
        using var http = new HttpClient();
        var id = await EnqueueAsync(bot, LongText, "whatsapp", WaPerson);
        graph.FailRequest(2, code: 131000, httpStatus: 500);

        await bot.Get<OutboxDispatcher>().DrainAsync(await WhatsAppSenderAsync(bot, graph, http), CancellationToken.None);
        Assert.Single(graph.Sent);
        Assert.Equal("pending", Status(bot, id));

        // A new process: a new outbox and a new sender, which know only what the store kept.
        bot.Restart();
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await bot.Get<OutboxDispatcher>().DrainAsync(await WhatsAppSenderAsync(bot, graph, http), CancellationToken.None);

        Assert.Equal("sent", Status(bot, id));
        Assert.Equal(LongText.Split("\n\n"), graph.Sent.Select(m => (string)m["text"]!["body"]!));
        Assert.Equal(3, Column(bot, id, "platform_message_id").Split(',').Distinct().Count());
    }

    [Fact]
    public async Task A_part_the_store_cannot_record_stops_the_message_and_the_failure_carries_the_parts_out()
    {
        using var bot = new BotHarness();
        await using var graph = await FakeGraphApiServer.StartAsync(bot.Time);
        using var http = new HttpClient();
        var sender = await WhatsAppSenderAsync(bot, graph, http);
        var envelope = new OutboundEnvelope(5, WaPerson, OutboundKind.Reply, new OutboundMessage { Text = LongText })
        {
            RecordSentParts = _ => throw new IOException("disk full"),
        };

        var failure = await Assert.ThrowsAsync<ChannelSendException>(() => sender.SendAsync(envelope, CancellationToken.None));
        var rest = await sender.SendAsync(envelope with { SentParts = failure.SentParts, RecordSentParts = null }, CancellationToken.None);

        Assert.Equal(SendFailureKind.Transient, failure.Kind);
        Assert.Single(failure.SentParts);
        Assert.StartsWith(failure.SentParts[0] + ",", rest, StringComparison.Ordinal);
        Assert.Equal(LongText.Split("\n\n"), graph.Sent.Select(m => (string)m["text"]!["body"]!));
    }

    /// <summary>A WhatsApp sender against the fake Graph API, with the person's 24-hour window open.</summary>
    private static async Task<WhatsAppSender> WhatsAppSenderAsync(BotHarness bot, FakeGraphApiServer graph, HttpClient http)
    {
        var options = Options.Create(new WhatsAppOptions
        {
            AccessToken = graph.AccessToken, PhoneNumberId = graph.PhoneNumberId, AppSecret = graph.AppSecret, VerifyToken = "v",
            ApiBaseUrl = graph.ApiBaseUrl,
        });
        var window = new InMemoryInbound();
        await window.AcceptAsync([new InboundMessage
        {
            Channel = "whatsapp", Address = WaPerson, ExternalId = "w1", Kind = InboundKind.Text, ReceivedAt = bot.Time.GetUtcNow(),
        }], CancellationToken.None);
        graph.RecordInbound(WaPerson, bot.Time.GetUtcNow());
        return new WhatsAppSender(new WhatsAppClient(http, options, NullLogger<WhatsAppClient>.Instance), window, bot.Time, options,
            NullLogger<WhatsAppSender>.Instance);
    }

    private static async Task<long> EnqueueAsync(BotHarness bot, string text, string channel = "telegram", string? address = null)
    {
        using var write = await bot.Database.BeginWriteAsync(CancellationToken.None);
        var now = bot.Time.GetUtcNow();
        address ??= Chat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var contact = write.Connection.ExecuteScalar<long>(
            "INSERT INTO contacts (channel, address, created_at) VALUES (@channel, @address, @now) RETURNING id",
            new { channel, address, now = DbTime.Write(now) }, write.Transaction);
        var id = OutboxStore.Enqueue(write, contact, channel, address, OutboundKind.Reply, new OutboundMessage { Text = text }, now)!.Value;
        write.Commit();
        return id;
    }

    private static string Status(BotHarness bot, long id) => Column(bot, id, "status");

    private static string Column(BotHarness bot, long id, string column)
    {
        using var connection = bot.Database.Open();
        return connection.ExecuteScalar<string?>($"SELECT {column} FROM outbound_messages WHERE id = @id", new { id })!;
    }
}
