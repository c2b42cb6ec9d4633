using System.Text.Json;
using System.Text.Json.Nodes;
using static OvopBot.Tests.Channels.WhatsApp.EndToEnd.WhatsAppService;
using static OvopBot.Tests.Fakes.WebhookPayloads;

namespace OvopBot.Tests.Channels.WhatsApp.EndToEnd;

public sealed class WhatsAppRegistrationTests : IAsyncLifetime
{
    private const string Person = "6281234567890";
    private WhatsAppService _service = null!;

    public async Task InitializeAsync() => _service = await WhatsAppService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private Task<IReadOnlyList<JsonObject>> SayAsync(string text) =>
        _service.SayAsync(Person, id => Text(Person, id, text, Now));

    /// <summary>Taps the reply button with this id, as WhatsApp reports it.</summary>
    private Task<IReadOnlyList<JsonObject>> TapButtonAsync(JsonObject shown, string optionId)
    {
        var button = Assert.Single(ButtonsOf(shown), b => (string?)b?["reply"]?["id"] == optionId)!["reply"]!;
        return _service.SayAsync(Person, id => Message(Person, id, Now, "interactive", new JsonObject
        {
            ["type"] = "button_reply",
            ["button_reply"] = new JsonObject { ["id"] = optionId, ["title"] = (string?)button["title"] },
        }));
    }

    /// <summary>Opens the list and picks the row with this id.</summary>
    private Task<IReadOnlyList<JsonObject>> PickRowAsync(JsonObject shown, string optionId)
    {
        var row = Assert.Single(RowsOf(shown), r => (string?)r?["id"] == optionId)!;
        return _service.SayAsync(Person, id => Message(Person, id, Now, "interactive", new JsonObject
        {
            ["type"] = "list_reply",
            ["list_reply"] = new JsonObject { ["id"] = optionId, ["title"] = (string?)row["title"] },
        }));
    }

    private static JsonArray ButtonsOf(JsonObject payload)
    {
        Assert.Equal("button", (string?)payload["interactive"]?["type"]);
        return payload["interactive"]!["action"]!["buttons"]!.AsArray();
    }

    private static JsonArray RowsOf(JsonObject payload)
    {
        Assert.Equal("list", (string?)payload["interactive"]?["type"]);
        return payload["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray();
    }

    private static JsonObject Asking(IReadOnlyList<JsonObject> replies, string question)
    {
        Assert.NotEmpty(replies);
        var last = replies[^1];
        Assert.Contains(question, TextOf(last), StringComparison.Ordinal);
        return last;
    }

    [Fact]
    public async Task A_village_head_registers_over_WhatsApp_with_buttons_lists_a_photo_and_a_location()
    {
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 0xFF, 0xD9 };
        _service.Graph.AddMedia("917365204412345", photo, "image/jpeg");

        var consent = Asking(await SayAsync("halo"), "setuju?");
        // Buttons are an accelerator: the numbered text is in the body too, for phones that show them poorly.
        Assert.Contains("1. Ya", TextOf(consent), StringComparison.Ordinal);
        var village = Asking(await TapButtonAsync(consent, (string)ButtonsOf(consent)[0]!["reply"]!["id"]!), "nama desa");
        village = Asking(await SayAsync("Oelnasi"), "Desa Oelnasi, Kec. Kupang Tengah, Kabupaten Kupang");
        var role = Asking(await TapButtonAsync(village, "yes"), "Apa jabatan");
        Asking(await PickRowAsync(role, "village_head"), "nama lengkap");
        // The WhatsApp number is the person's phone: the phone question is never asked.
        var afterName = await SayAsync("Yohanes Nope");
        Assert.DoesNotContain(afterName, p => TextOf(p).Contains("nomor HP", StringComparison.Ordinal));
        Asking(afterName, "produk unggulan desa");
        var category = Asking(await SayAsync("Kopi Arabika"), "termasuk jenis apa");
        var stage = Asking(await PickRowAsync(category, "plantation"), "Sampai tahap mana");
        Asking(await PickRowAsync(stage, "sold_locally"), "Ceritakan singkat");
        Asking(await SayAsync("Kopi sangrai dari kebun warga."), "bahan baku utamanya");
        var source = Asking(await SayAsync("Biji kopi"), "Dari mana bahan baku");
        var availability = Asking(await PickRowAsync(source, "own_village"), "sepanjang tahun?");
        var unit = Asking(await TapButtonAsync(availability, "all_year"), "satuan apa");
        Asking(await PickRowAsync(unit, "kg"), "per bulan");
        Asking(await SayAsync("1.500"), "dijual sekarang");
        Asking(await SayAsync("1, 3"), "harga jual");
        Asking(await SayAsync("50 ribu"), "sertifikat");
        Asking(await SayAsync("belum ada"), "ikut membuat");
        Asking(await SayAsync("40"), "berapa perempuan");
        Asking(await SayAsync("25"), "anak muda");
        Asking(await SayAsync("5"), "pekerja migran");
        var manager = Asking(await SayAsync("0"), "mengelola");
        Asking(await PickRowAsync(manager, "bumdes"), "nama kelompok");
        Asking(await SayAsync("BUMDes Sehati"), "anggotanya");
        Asking(await SayAsync("12"), "BPJS");
        var musdes = Asking(await SayAsync("LEWATI"), "musyawarah desa");
        Asking(await TapButtonAsync(musdes, "yes"), "tantangan terbesar");
        Asking(await SayAsync("2, 3 dan 4"), "sudah pernah diterima");
        var support = Asking(await SayAsync("1"), "Dukungan apa yang dibutuhkan");
        Asking(await PickRowAsync(support, "none"), "foto produk");
        Asking(await _service.SayAsync(Person, id => Message(Person, id, Now, "image", new JsonObject
        {
            ["id"] = "917365204412345", ["mime_type"] = "image/jpeg", ["sha256"] = "fake",
        })), "lokasi");
        var summary = Asking(await _service.SayAsync(Person, id => Message(Person, id, Now, "location", new JsonObject
        {
            ["latitude"] = -10.1772, ["longitude"] = 123.6070, ["name"] = "Kebun kopi",
        })), "Mohon periksa jawaban");
        Assert.Contains("+6281234567890", TextOf(summary), StringComparison.Ordinal);
        var done = await SayAsync("KIRIM");

        Assert.Contains("Nomor referensi: OVOP-", TextOf(done[^1]), StringComparison.Ordinal);
        var (status, reference, json) = _service.Single<(string, string, string)>(
            "SELECT status, reference, answers_json FROM submissions");
        Assert.Equal("submitted", status);
        Assert.Contains(reference, TextOf(done[^1]), StringComparison.Ordinal);
        var answers = JsonNode.Parse(json)!.AsObject();
        Assert.Equal("+6281234567890", (string?)answers["respondent.phone"]);
        Assert.Equal("village_head", (string?)answers["respondent.role"]);
        Assert.Equal("plantation", (string?)answers["product.category"]);
        Assert.Equal(-10.1772, (double?)answers["location"]?["lat"]);
        var mediaPath = _service.Single<string>("SELECT media_path FROM inbound_messages WHERE kind = 'Photo'");
        Assert.Equal(photo, await File.ReadAllBytesAsync(mediaPath));
        Assert.Equal(0, _service.Count("SELECT count(*) FROM outbound_messages WHERE status <> 'sent'"));
    }
}
