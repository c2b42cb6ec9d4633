using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Broadcasts;
using OvopBot.Exports;
using OvopBot.Tests.Fakes;
using static OvopBot.Tests.Channels.Sms.SmsService;

namespace OvopBot.Tests.Channels.Sms;

/// <summary>
/// WhatsApp and SMS in one service: a person who starts on WhatsApp and goes on by SMS (same number) is one person
/// with one record, reached once by broadcasts on the channel they used last, and one row in the contacts export.
/// </summary>
public sealed class OnePersonAcrossChannelsTests : IAsyncLifetime
{
    private const string WaId = "6281234567890";
    private const string Phone = "+6281234567890";
    private FakeGraphApiServer _graph = null!;
    private SmsService _service = null!;
    private int _waCounter;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphApiServer.StartAsync(TimeProvider.System, token: "FAKE-TOKEN-FOR-TESTS");
        _service = await SmsService.StartAsync(
            "--WhatsApp:AccessToken", _graph.AccessToken,
            "--WhatsApp:ApiBaseUrl", _graph.ApiBaseUrl,
            "--WhatsApp:PhoneNumberId", _graph.PhoneNumberId,
            "--WhatsApp:AppSecret", _graph.AppSecret,
            "--WhatsApp:VerifyToken", "fake-verify-token",
            "--WhatsApp:PerPersonMinInterval", "00:00:00");
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private async Task<string> WhatsAppAsync(string text)
    {
        var before = _graph.Sent.Count;
        var id = $"wamid.X{Interlocked.Increment(ref _waCounter):D4}";
        var webhook = new Uri(_service.Webhook, "/webhooks/whatsapp");
        using var response = await _graph.PostWebhookAsync(webhook,
            WebhookPayloads.Messages(WebhookPayloads.Text(WaId, id, text, DateTimeOffset.UtcNow)));
        response.EnsureSuccessStatusCode();
        await WaitUntilAsync(
            () => _service.Count("SELECT count(*) FROM inbound_messages WHERE external_id = @id AND processed_at IS NOT NULL", new { id }) == 1
                  && _service.Count("SELECT count(*) FROM outbound_messages WHERE status = 'pending'") == 0,
            $"WhatsApp '{text}' answered");
        return string.Join("\n", _graph.Sent.Skip(before).Select(p =>
            (string?)p["text"]?["body"] ?? (string?)p["interactive"]?["body"]?["text"] ?? ""));
    }

    private async Task<string> SmsAsync(string text, string expected)
    {
        var read = Read(await _service.TextAsync(Phone, text));
        Assert.Contains(expected, read, StringComparison.Ordinal);
        return read;
    }

    /// <summary>The answers after the name, up to the coordinates, each with a word of the next question.</summary>
    private static readonly (string Answer, string Next)[] ProductAnswers =
    [
        ("Kopi Arabika", "jenis apa"),
        ("2", "tahap"),
        ("3", "Ceritakan"),
        ("Kopi sangrai dari kebun warga.", "bahan baku"),
        ("Biji kopi", "Dari mana"),
        ("1", "sepanjang tahun"),
        ("1", "satuan"),
        ("1", "per bulan"),
        ("1.500", "dijual sekarang"),
        ("1, 3", "harga jual"),
        ("50 ribu", "sertifikat"),
        ("6", "ikut membuat"),
        ("40", "perempuan"),
        ("25", "anak muda"),
        ("5", "pekerja migran"),
        ("0", "mengelola"),
        ("2", "nama kelompok"),
        ("Kelompok Tani Sehati", "anggotanya"),
        ("12", "BPJS"),
        ("LEWATI", "musyawarah desa"),
        ("1", "tantangan"),
        ("2", "sudah pernah diterima"),
        ("1", "Dukungan"),
        ("4", "LEWATI"),
        ("LEWATI", "koordinat"),
    ];

    [Fact]
    public async Task A_person_who_starts_on_WhatsApp_and_goes_on_by_SMS_finishes_with_one_record()
    {
        Assert.Contains("setuju?", await WhatsAppAsync("halo"), StringComparison.Ordinal);
        // The village comes right after consent, then the role and the name.
        Assert.Contains("nama desa", await WhatsAppAsync("1"), StringComparison.Ordinal);
        Assert.Contains("Desa Oelnasi", await WhatsAppAsync("Oelnasi"), StringComparison.Ordinal);
        Assert.Contains("jabatan", await WhatsAppAsync("1"), StringComparison.Ordinal);
        Assert.Contains("nama lengkap", await WhatsAppAsync("1"), StringComparison.Ordinal);
        Assert.Contains("produk unggulan desa", await WhatsAppAsync("Yohanes Nope"), StringComparison.Ordinal);

        // The battery of the smartphone died: the head texts from the basic phone with the same SIM.
        var back = await SmsAsync("halo", "produk unggulan desa");
        Assert.Contains("kembali", back, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("setuju?", back, StringComparison.Ordinal);
        foreach (var (answer, next) in ProductAnswers)
        {
            await SmsAsync(answer, next);
        }

        var summary = await SmsAsync("LEWATI", "periksa");
        Assert.Contains("Yohanes Nope", summary, StringComparison.Ordinal);
        await SmsAsync("KIRIM", "OVOP-");

        Assert.Equal(1, _service.Count("SELECT count(*) FROM submissions"));
        Assert.Equal(1, _service.Count("SELECT count(*) FROM sessions"));
        Assert.Equal("submitted", _service.Single<string>("SELECT status FROM submissions"));
        Assert.Equal(2, _service.Count("SELECT count(*) FROM contacts"));
        Assert.Equal(1, _service.Count("SELECT count(DISTINCT coalesce(person_id, id)) FROM contacts"));
        var answers = JsonNode.Parse(_service.Single<string>("SELECT answers_json FROM submissions"))!.AsObject();
        Assert.Equal("Yohanes Nope", (string?)answers["respondent.name"]);
        Assert.Equal("plantation", (string?)answers["product.category"]);

        // A broadcast reaches the person once, by SMS (the channel used last).
        var recipients = await _service.Services.GetRequiredService<BroadcastStore>()
            .RecipientsAsync(BroadcastTarget.All, ["53"], CancellationToken.None);
        var only = Assert.Single(recipients);
        Assert.Equal("sms", only.Channel);

        // The preview tells what the broadcast costs by SMS: the person's parts (this text is two).
        var text = string.Join(" ", Enumerable.Repeat("Pelatihan pengemasan kopi di kantor camat hari Senin.", 4));
        var preview = await _service.Services.GetRequiredService<BroadcastService>().PrepareAsync(
            new BroadcastRequest(BroadcastTarget.All, ["53"], text, "cli:test"), OvopBot.Roles.StaffRole.Admin, CancellationToken.None);
        Assert.Equal(1, preview.Recipients);
        Assert.Equal(2, preview.SmsParts);

        // The contacts export has one row for the person, listing both channels.
        var export = (await ExportAsync()).TrimStart('\uFEFF');
        var row = Assert.Single(export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Contains("whatsapp, sms", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_WhatsApp_head_links_another_number_by_SMS_with_the_code_and_finishes_the_record_there()
    {
        foreach (var answer in new[] { "halo", "1", "Oelnasi", "1", "1", "Yohanes Nope" }.Concat(ProductAnswers.Select(a => a.Answer)))
        {
            await WhatsAppAsync(answer);
        }

        await WhatsAppAsync("LEWATI");
        var submitted = await WhatsAppAsync("KIRIM");
        var reference = System.Text.RegularExpressions.Regex.Match(submitted, @"OVOP-\d+-\d+").Value;
        Assert.NotEmpty(reference);

        // A basic phone with another SIM: its own conversation first, then the reference from the confirmation.
        const string other = "+6285299990000";
        Assert.Contains("setuju?", Read(await _service.TextAsync(other, "halo")), StringComparison.Ordinal);
        var sentBefore = _graph.Sent.Count;
        var asked = Read(await _service.TextAsync(other, reference.ToLowerInvariant().Replace('-', ' ')));
        Assert.Contains("Kode 6 angka sudah dikirim ke WhatsApp", asked, StringComparison.Ordinal);
        await WaitUntilAsync(() => _graph.Sent.Count > sentBefore, "the code sent on WhatsApp");
        var onWhatsApp = string.Join("\n", _graph.Sent.Skip(sentBefore).Select(p => (string?)p["text"]?["body"] ?? ""));
        var code = System.Text.RegularExpressions.Regex.Match(onWhatsApp, @"Kode OVOP: (\d{6})").Groups[1].Value;
        Assert.Equal(6, code.Length);
        Assert.Contains("SMS", onWhatsApp, StringComparison.Ordinal);
        Assert.DoesNotContain(code, asked, StringComparison.Ordinal);

        var linked = Read(await _service.TextAsync(other, code));
        Assert.Contains("tersambung ke sini", linked, StringComparison.Ordinal);
        Assert.Contains("Lihat atau ubah jawaban", linked, StringComparison.Ordinal);

        // By SMS the head changes the product's name and sends the record again: still one record.
        var summary = Read(await _service.TextAsync(other, "1"));
        var line = summary.Split('\n').First(l => l.Contains("Kopi Arabika", StringComparison.Ordinal));
        var number = line[..line.IndexOf('.', StringComparison.Ordinal)];
        await _service.TextAsync(other, number);
        Assert.Contains("KIRIM", Read(await _service.TextAsync(other, "Kopi Arabika Fatumnasi")), StringComparison.Ordinal);
        Assert.Contains(reference, Read(await _service.TextAsync(other, "KIRIM")), StringComparison.Ordinal);

        Assert.Equal(1, _service.Count("SELECT count(*) FROM submissions"));
        Assert.Equal(1, _service.Count("SELECT count(*) FROM sessions"));
        Assert.Equal(1, _service.Count("SELECT count(DISTINCT coalesce(person_id, id)) FROM contacts"));
        var answers = JsonNode.Parse(_service.Single<string>("SELECT answers_json FROM submissions"))!.AsObject();
        Assert.Equal("Kopi Arabika Fatumnasi", (string?)answers["product.name"]);
        Assert.Equal("Yohanes Nope", (string?)answers["respondent.name"]);
        Assert.Equal("sms", _service.Single<string>("SELECT c.channel FROM submissions s JOIN contacts c ON c.id = s.contact_id"));
    }

    [Fact]
    public async Task Someone_texting_from_two_numbers_is_two_people_until_linked_each_with_their_own_conversation()
    {
        await SmsAsync("halo", "setuju?");
        var other = Read(await _service.TextAsync("+6285299990000", "halo"));
        Assert.Contains("setuju?", other, StringComparison.Ordinal);

        Assert.Equal(2, _service.Count("SELECT count(DISTINCT coalesce(person_id, id)) FROM contacts"));
        Assert.Equal(2, _service.Count("SELECT count(*) FROM sessions"));
    }

    private Task<string> ExportAsync()
    {
        var service = _service.Services.GetRequiredService<ExportService>();
        using var temp = new TestSupport.TempDirectory();
        var path = temp.File("contacts.csv");
        service.ExportToFile(ExportRequest.Of(ExportKind.Contacts, ExportFormat.Csv, new ExportFilter(null), "id"), path);
        return File.ReadAllTextAsync(path);
    }
}
