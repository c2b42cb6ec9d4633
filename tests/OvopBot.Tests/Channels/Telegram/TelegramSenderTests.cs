using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram;
using OvopBot.Tests.Channels.Telegram.Support;
using OvopBot.Tests.TestSupport;
using OvopBot.Tests.Fakes;

namespace OvopBot.Tests.Channels.Telegram;

public sealed class TelegramSenderTests : IAsyncLifetime
{
    private const long Chat = 5123456789;
    private readonly ManualTimeProvider _clock = new();
    private FakeTelegramServer _server = null!;
    private TelegramTestClient _telegram = null!;
    private TelegramSender _sender = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync(_clock);
        _server.AddChat(Chat);
        _telegram = new TelegramTestClient(_server.BaseUrl);
        _sender = new TelegramSender(_telegram.Client);
    }

    public async Task DisposeAsync()
    {
        _telegram.Dispose();
        await _server.DisposeAsync();
    }

    private Task<string> Send(OutboundMessage message, long chat = Chat, long id = 1) =>
        _sender.SendAsync(new OutboundEnvelope(id, chat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            OutboundKind.Reply, message), CancellationToken.None);

    [Fact]
    public async Task Options_become_a_reply_keyboard_one_numbered_button_per_row_under_plain_text()
    {
        var text = "Produk apa?\nBalas dengan angka:\n1. Kopi\n2. Tenun ikat";

        var id = await Send(new OutboundMessage
        {
            Text = text,
            Options = [new ReplyOption("coffee", "Kopi"), new ReplyOption("weaving", "Tenun ikat")],
        });

        var sent = Assert.Single(_server.SentTo(Chat));
        Assert.Equal("1", id);
        Assert.Equal(text, sent.Text);
        Assert.Null(sent.ParseMode);
        var rows = sent.ReplyMarkup!["keyboard"]!.AsArray();
        Assert.Equal(["1. Kopi", "2. Tenun ikat"], rows.Select(r => (string)Assert.Single(r!.AsArray())!["text"]!));
        Assert.True((bool)sent.ReplyMarkup["resize_keyboard"]!);
    }

    [Fact]
    public async Task A_message_without_options_removes_the_previous_keyboard()
    {
        await Send(new OutboundMessage { Text = "Nama desa Bapak/Ibu?" });

        var sent = Assert.Single(_server.SentTo(Chat));
        Assert.True((bool)sent.ReplyMarkup!["remove_keyboard"]!);
    }

    [Theory]
    [InlineData(InputRequest.Location, "request_location")]
    [InlineData(InputRequest.Phone, "request_contact")]
    public async Task A_location_or_phone_question_offers_the_matching_share_button_with_the_flows_label(
        InputRequest input, string flag)
    {
        await Send(new OutboundMessage { Text = "Kirim lokasi desa, atau ketik LEWATI.", Input = input, InputLabel = "Kirim" });

        var button = Assert.Single(Assert.Single(_server.SentTo(Chat)).ReplyMarkup!["keyboard"]!.AsArray())![0]!;
        Assert.Equal("Kirim", (string)button["text"]!);
        Assert.True((bool)button[flag]!);
    }

    [Fact]
    public async Task Without_a_label_from_the_flow_no_share_button_is_invented()
    {
        await Send(new OutboundMessage { Text = "Kirim lokasi desa.", Input = InputRequest.Location });

        Assert.True((bool)Assert.Single(_server.SentTo(Chat)).ReplyMarkup!["remove_keyboard"]!);
    }

    [Fact]
    public async Task A_long_text_goes_out_in_pieces_with_the_keyboard_under_the_last_one()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 9).Select(i => $"Bagian {i} " + new string('a', 1000)));

        var ids = await Send(new OutboundMessage { Text = text, Options = [new ReplyOption("yes", "Ya")] });

        var sent = _server.SentTo(Chat);
        Assert.Equal(3, sent.Count);
        Assert.Equal("1,2,3", ids);
        Assert.All(sent, m => Assert.True(m.Text!.Length <= 4096));
        Assert.Equal(text, string.Join("\n\n", sent.Select(m => m.Text)));
        Assert.Equal([null, null], sent.Take(2).Select(m => m.ReplyMarkup));
        Assert.NotNull(sent[2].ReplyMarkup!["keyboard"]);
    }

    [Fact]
    public async Task A_document_is_uploaded_as_multipart_with_the_text_as_caption()
    {
        var folder = Directory.CreateTempSubdirectory("ovop-telegram-");
        var path = Path.Combine(folder.FullName, "pengajuan.csv");
        await File.WriteAllTextAsync(path, "desa;produk\nOelnasi;Madu");
        try
        {
            await Send(new OutboundMessage { Text = "Ekspor pengajuan", DocumentPath = path });
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        var sent = Assert.Single(_server.SentTo(Chat));
        Assert.Equal("Ekspor pengajuan", sent.Caption);
        Assert.Equal(("document", "pengajuan.csv"), (sent.Document!.Field, sent.Document.FileName));
        Assert.Equal("desa;produk\nOelnasi;Madu"u8.ToArray(), sent.Document.Content);
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_unreachable()
    {
        _server.Block(Chat);

        var ex = await Assert.ThrowsAsync<ChannelSendException>(() => Send(new OutboundMessage { Text = "Halo" }));

        Assert.Equal(SendFailureKind.Unreachable, ex.Kind);
        Assert.Contains("blocked", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_chat_is_a_permanent_failure()
    {
        var ex = await Assert.ThrowsAsync<ChannelSendException>(() => Send(new OutboundMessage { Text = "Halo" }, chat: 999));

        Assert.Equal(SendFailureKind.Permanent, ex.Kind);
    }

    [Fact]
    public async Task A_second_message_to_a_chat_within_a_second_is_refused_with_retry_after_for_the_whole_channel()
    {
        _server.PerChatBurst = 1;
        await Send(new OutboundMessage { Text = "Satu" });

        var ex = await Assert.ThrowsAsync<ChannelSendException>(() => Send(new OutboundMessage { Text = "Dua" }));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Send(new OutboundMessage { Text = "Dua" });

        Assert.Equal(SendFailureKind.Transient, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
        Assert.True(ex.ChannelWide);
        Assert.Equal(["Satu", "Dua"], _server.SentTo(Chat).Select(m => m.Text));
    }

    [Fact]
    public async Task More_than_thirty_messages_a_second_from_the_bot_are_refused()
    {
        var chats = Enumerable.Range(1, 31).Select(i => (long)i).ToList();
        chats.ForEach(_server.AddChat);

        foreach (var chat in chats.Take(30))
        {
            await Send(new OutboundMessage { Text = "Pengingat" }, chat);
        }

        var ex = await Assert.ThrowsAsync<ChannelSendException>(() => Send(new OutboundMessage { Text = "Pengingat" }, 31));
        Assert.Equal((SendFailureKind.Transient, TimeSpan.FromSeconds(1)), (ex.Kind, ex.RetryAfter));
    }

    [Fact]
    public async Task Server_errors_and_broken_connections_are_transient()
    {
        _server.FailNext("sendMessage", 500, """{"ok":false,"error_code":500,"description":"Internal Server Error"}""");
        _server.FailNext("sendMessage", 502, "<html>Bad Gateway</html>");

        var first = await Assert.ThrowsAsync<ChannelSendException>(() => Send(new OutboundMessage { Text = "Halo" }));
        var second = await Assert.ThrowsAsync<ChannelSendException>(() => Send(new OutboundMessage { Text = "Halo" }));

        Assert.Equal([SendFailureKind.Transient, SendFailureKind.Transient], [first.Kind, second.Kind]);
        Assert.Equal([false, false], [first.ChannelWide, second.ChannelWide]);
    }

    [Fact]
    public async Task A_revoked_token_stops_the_whole_channel()
    {
        using var wrong = new TelegramTestClient(_server.BaseUrl, o => o.BotToken = "123:REVOKED-TOKEN");

        var ex = await Assert.ThrowsAsync<ChannelSendException>(() => new TelegramSender(wrong.Client).SendAsync(
            new OutboundEnvelope(1, "5123456789", OutboundKind.Broadcast, new OutboundMessage { Text = "Halo" }),
            CancellationToken.None));

        Assert.Equal(SendFailureKind.ChannelDown, ex.Kind);
    }

    [Fact]
    public async Task An_address_that_is_not_a_chat_id_is_permanent_and_nothing_is_sent()
    {
        var ex = await Assert.ThrowsAsync<ChannelSendException>(() => _sender.SendAsync(
            new OutboundEnvelope(1, "+6281234", OutboundKind.Reply, new OutboundMessage { Text = "Halo" }),
            CancellationToken.None));

        Assert.Equal(SendFailureKind.Permanent, ex.Kind);
        Assert.Empty(_server.Calls);
    }
}
