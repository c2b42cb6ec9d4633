using System.Text.Json.Nodes;
using static OvopBot.Tests.Channels.Sms.SmsService;

namespace OvopBot.Tests.Channels.Sms;

public sealed class SmsRegistrationTests : IAsyncLifetime
{
    private const string Person = "+6281234567890";
    private SmsService _service = null!;

    public async Task InitializeAsync() => _service = await SmsService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<string> AskedAsync(string text, string question)
    {
        var replies = await _service.TextAsync(Person, text);
        Assert.NotEmpty(replies);
        var read = Read(replies);
        Assert.Contains(question, read, StringComparison.Ordinal);
        return read;
    }

    [Fact]
    public async Task A_village_head_registers_by_SMS_with_numbers_only_and_every_SMS_plain_and_at_most_three_parts()
    {
        var consent = await AskedAsync("halo", "setuju?");
        Assert.Contains("1. Ya", consent, StringComparison.Ordinal);
        await AskedAsync("1", "Apa jabatan");
        await AskedAsync("1", "nama lengkap");
        // The sender's number is the person's phone: the phone question is never asked.
        var afterName = await AskedAsync("Yohanes Nope", "nama desa");
        Assert.DoesNotContain("nomor HP", afterName, StringComparison.Ordinal);
        await AskedAsync("Oelnasi", "Desa Oelnasi");
        await AskedAsync("ya", "produk unggulan desa");
        await AskedAsync("Kopi Arabika", "jenis apa");
        await AskedAsync("2", "tahap");
        await AskedAsync("3", "Ceritakan");
        await AskedAsync("Kopi sangrai dari kebun warga.", "bahan baku");
        await AskedAsync("Biji kopi", "Dari mana");
        await AskedAsync("1", "sepanjang tahun");
        await AskedAsync("1", "satuan");
        await AskedAsync("1", "per bulan");
        await AskedAsync("1.500", "ikut membuat");
        await AskedAsync("40", "perempuan");
        await AskedAsync("25", "mengelola");
        await AskedAsync("2", "BPJS");
        await AskedAsync("LEWATI", "tantangan");
        await AskedAsync("2, 3 dan 4", "Dukungan");
        var photo = await AskedAsync("4", "LEWATI");
        // No photo by SMS: the question says how else, and skipping is offered.
        Assert.Contains("WhatsApp", photo, StringComparison.Ordinal);
        await AskedAsync("LEWATI", "koordinat");
        var summary = await AskedAsync("-10.1772, 123.6070", "periksa");
        Assert.Contains("+6281234567890", summary, StringComparison.Ordinal);
        var done = await AskedAsync("KIRIM", "OVOP-");

        var (status, reference, json) = _service.Single<(string, string, string)>(
            "SELECT status, reference, answers_json FROM submissions");
        Assert.Equal("submitted", status);
        Assert.Contains(reference, done, StringComparison.Ordinal);
        var answers = JsonNode.Parse(json)!.AsObject();
        Assert.Equal("+6281234567890", (string?)answers["respondent.phone"]);
        Assert.Equal(-10.1772, (double?)answers["location"]?["lat"]);
        Assert.All(_service.Gateway.Sent, sms =>
        {
            Assert.True(sms.IsPlain, $"not plain GSM text: {sms.Text}");
            Assert.InRange(sms.Parts, 1, 3);
        });
        // Every SMS is recorded with its parts, so the cost is known.
        Assert.Equal(_service.Gateway.Sent.Sum(s => s.Parts), _service.Count("SELECT sum(segments) FROM sms_messages"));
        Assert.Equal(0, _service.Count("SELECT count(*) FROM outbound_messages WHERE status <> 'sent'"));
    }
}
