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
        await SmsAsync("Kopi Arabika", "jenis apa");
        await SmsAsync("2", "tahap");
        await SmsAsync("3", "Ceritakan");
        await SmsAsync("Kopi sangrai dari kebun warga.", "bahan baku");
        await SmsAsync("Biji kopi", "Dari mana");
        await SmsAsync("1", "sepanjang tahun");
        await SmsAsync("1", "satuan");
        await SmsAsync("1", "per bulan");
        await SmsAsync("1.500", "dijual sekarang");
        await SmsAsync("1, 3", "harga jual");
        await SmsAsync("50 ribu", "sertifikat");
        await SmsAsync("6", "ikut membuat");
        await SmsAsync("40", "perempuan");
        await SmsAsync("25", "anak muda");
        await SmsAsync("5", "pekerja migran");
        await SmsAsync("0", "mengelola");
        await SmsAsync("2", "nama kelompok");
        await SmsAsync("Kelompok Tani Sehati", "anggotanya");
        await SmsAsync("12", "BPJS");
        await SmsAsync("LEWATI", "musyawarah desa");
        await SmsAsync("1", "tantangan");
        await SmsAsync("2", "sudah pernah diterima");
        await SmsAsync("1", "Dukungan");
        await SmsAsync("4", "LEWATI");
        await SmsAsync("LEWATI", "koordinat");
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
