using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;

namespace OvopBot.Tests.Channels.WhatsApp;

public sealed class WhatsAppSenderTests : IAsyncLifetime
{
    private const string Person = "6281234567890";
    private WhatsAppTestHost _host = null!;
    private long _nextId;

    public async Task InitializeAsync() => _host = await WhatsAppTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<string> SendAsync(OutboundMessage message, OutboundKind kind = OutboundKind.Reply,
        string to = Person) =>
        _host.Sender.SendAsync(new OutboundEnvelope(++_nextId, to, kind, message), CancellationToken.None);

    private static OutboundMessage Question(string text, params string[] labels) => new()
    {
        Text = text,
        Options = labels.Select((l, i) => new ReplyOption($"opt{i + 1}", l)).ToList(),
        MenuLabel = "Pilih kategori",
    };

    private List<JsonObject> Sent => [.. _host.Graph.Sent];

    private static string Numbered(string intro, string[] labels) =>
        intro + "\n" + string.Join("\n", labels.Select((l, i) => $"{i + 1}. {l}"));

    [Fact]
    public async Task A_text_inside_the_window_goes_to_the_plus_number_and_returns_the_wamid()
    {
        await _host.PersonWritesAsync(Person);

        var wamid = await SendAsync(new OutboundMessage { Text = "Selamat datang di OVOP NTT." });

        var sent = Assert.Single(Sent);
        Assert.Equal("+" + Person, (string?)sent["to"]);
        Assert.Equal("text", (string?)sent["type"]);
        Assert.Equal("Selamat datang di OVOP NTT.", (string?)sent["text"]!["body"]);
        Assert.StartsWith("wamid.FAKE", wamid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_options_become_numbered_reply_buttons_with_the_whole_text_in_the_body()
    {
        await _host.PersonWritesAsync(Person);
        string[] labels = ["Ya, saya setuju", "Tidak", "Saya ingin bertanya dulu kepada pendamping"];
        var text = Numbered("Apakah Bapak/Ibu setuju?", labels);

        await SendAsync(Question(text, labels));

        var interactive = Assert.Single(Sent)["interactive"]!;
        Assert.Equal("button", (string?)interactive["type"]);
        Assert.Equal(text, (string?)interactive["body"]!["text"]);
        var buttons = interactive["action"]!["buttons"]!.AsArray();
        Assert.Equal(["opt1", "opt2", "opt3"], buttons.Select(b => (string?)b!["reply"]!["id"]));
        Assert.Equal(["1. Ya, saya setuju", "2. Tidak", "3. Saya ingin…"],
            buttons.Select(b => (string?)b!["reply"]!["title"]));
    }

    [Fact]
    public async Task Seven_long_options_become_a_list_the_API_accepts_with_full_labels_in_descriptions()
    {
        await _host.PersonWritesAsync(Person);
        string[] labels =
        [
            "Pertanian", "Perkebunan (mis. kopi, kakao, kemiri)", "Peternakan", "Perikanan dan rumput laut",
            "Tenun ikat dan kerajinan tangan", "Hasil hutan seperti madu hutan", "Makanan olahan",
        ];

        await SendAsync(Question(Numbered("Kategori produk?", labels), labels));

        var interactive = Assert.Single(Sent)["interactive"]!;
        Assert.Equal("list", (string?)interactive["type"]);
        Assert.Equal("Pilih kategori", (string?)interactive["action"]!["button"]);
        var rows = interactive["action"]!["sections"]![0]!["rows"]!.AsArray();
        Assert.Equal(7, rows.Count);
        Assert.Equal("1. Pertanian", (string?)rows[0]!["title"]);
        Assert.Null(rows[0]!["description"]);
        Assert.Equal("2. Perkebunan…", (string?)rows[1]!["title"]);
        Assert.Equal("Perkebunan (mis. kopi, kakao, kemiri)", (string?)rows[1]!["description"]);
        Assert.All(rows, r => Assert.True(((string)r!["title"]!).Length <= 24));
    }

    [Fact]
    public async Task Eleven_options_are_sent_as_plain_numbered_text()
    {
        await _host.PersonWritesAsync(Person);
        var labels = Enumerable.Range(1, 11).Select(i => $"Pilihan {i}").ToArray();
        var text = Numbered("Pilih satu:", labels);

        await SendAsync(Question(text, labels));

        var sent = Assert.Single(Sent);
        Assert.Equal("text", (string?)sent["type"]);
        Assert.Equal(text, (string?)sent["text"]!["body"]);
    }

    [Fact]
    public async Task Four_options_without_a_menu_label_are_sent_as_plain_text_because_no_words_are_invented()
    {
        await _host.PersonWritesAsync(Person);
        string[] labels = ["A", "B", "C", "D"];

        await SendAsync(Question(Numbered("Pilih:", labels), labels) with { MenuLabel = null });

        Assert.Equal("text", (string?)Assert.Single(Sent)["type"]);
    }

    [Fact]
    public async Task A_question_too_long_for_an_interactive_body_is_sent_as_plain_text()
    {
        await _host.PersonWritesAsync(Person);
        string[] labels = ["Ya", "Tidak"];
        var text = Numbered(new string('k', 1100), labels);

        await SendAsync(Question(text, labels));

        var sent = Assert.Single(Sent);
        Assert.Equal("text", (string?)sent["type"]);
        Assert.Equal(text, (string?)sent["text"]!["body"]);
    }

    [Fact]
    public async Task A_text_over_4096_characters_is_sent_in_parts_and_all_wamids_are_returned()
    {
        await _host.PersonWritesAsync(Person);
        var paragraph = string.Join(' ', Enumerable.Repeat("Data desa tersimpan.", 50));
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 5));

        var ids = await SendAsync(new OutboundMessage { Text = text });

        Assert.Equal(2, ids.Split(',').Length);
        Assert.Equal(2, Sent.Count);
        Assert.All(Sent, s => Assert.True(((string)s["text"]!["body"]!).Length <= 4096));
        Assert.All(Sent, s => Assert.EndsWith("tersimpan.", (string)s["text"]!["body"]!, StringComparison.Ordinal));
        Assert.Equal(5, Sent.Sum(s => ((string)s["text"]!["body"]!).Split("\n\n").Length));
    }

    [Fact]
    public async Task A_failed_second_part_is_resumed_on_retry_without_repeating_the_first()
    {
        await _host.PersonWritesAsync(Person);
        var first = string.Join(' ', Enumerable.Repeat("Bagian pertama.", 200));
        var second = string.Join(' ', Enumerable.Repeat("Bagian kedua.", 200));
        IReadOnlyList<string> recorded = [];
        // The test stands in for the outbox, which records each accepted part and gives them back on the retry.
        var envelope = new OutboundEnvelope(77, Person, OutboundKind.Reply,
            new OutboundMessage { Text = first + "\n\n" + second })
        {
            RecordSentParts = parts => Task.FromResult(recorded = parts),
        };
        _host.Graph.FailRequest(_host.Graph.MessageRequests + 2, code: 131000);

        var failure = await Assert.ThrowsAsync<ChannelSendException>(
            () => _host.Sender.SendAsync(envelope, CancellationToken.None));
        var ids = await _host.Sender.SendAsync(envelope with { SentParts = recorded }, CancellationToken.None);

        Assert.Equal(SendFailureKind.Transient, failure.Kind);
        Assert.Equal(2, Sent.Count);
        Assert.Equal([first, second], Sent.Select(s => (string?)s["text"]!["body"]));
        Assert.Equal(2, ids.Split(',').Distinct().Count());
    }

    [Fact]
    public async Task A_location_question_gets_a_send_location_button()
    {
        await _host.PersonWritesAsync(Person);

        await SendAsync(new OutboundMessage { Text = "Kirim lokasi desa.", Input = InputRequest.Location });

        var interactive = Assert.Single(Sent)["interactive"]!;
        Assert.Equal("location_request_message", (string?)interactive["type"]);
        Assert.Equal("send_location", (string?)interactive["action"]!["name"]);
    }

    [Fact]
    public async Task A_document_is_uploaded_and_sent_with_the_text_as_caption()
    {
        await _host.PersonWritesAsync(Person);
        var file = Path.Combine(Path.GetTempPath(), $"ekspor-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "desa,produk\nOelnasi,Madu\n");
        try
        {
            await SendAsync(new OutboundMessage { Text = "Ekspor siap.", DocumentPath = file });
        }
        finally
        {
            File.Delete(file);
        }

        var upload = Assert.Single(_host.Graph.Uploads);
        Assert.Equal("text/plain", upload.Type);
        Assert.Equal("desa,produk\nOelnasi,Madu\n", System.Text.Encoding.UTF8.GetString(upload.Bytes));
        var document = Assert.Single(Sent)["document"]!;
        Assert.Equal(Path.GetFileName(file), (string?)document["filename"]);
        Assert.Equal("Ekspor siap.", (string?)document["caption"]);
    }
}
