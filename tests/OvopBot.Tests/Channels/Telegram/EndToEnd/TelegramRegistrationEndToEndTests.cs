using System.Text.Json.Nodes;
using OvopBot.Tests.Fakes;

namespace OvopBot.Tests.Channels.Telegram.EndToEnd;

public sealed class TelegramRegistrationEndToEndTests
{
    private const long Chat = 5123456789;

    [Fact]
    public async Task A_village_head_completes_a_registration_over_telegram_and_gets_a_reference_number()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        // Each answer comes right after the previous reply; a patient person would not meet the 1/s chat limit.
        fake.PerChatPerSecond = 50;
        await using var service = new TelegramService(fake);
        await service.StartAsync("--Telegram:PerChatMessagesPerSecond", "50");

        var welcome = await SayAsync(fake, () => fake.PushText(Chat, "/start"), "Bapak/Ibu setuju?");
        Assert.Contains("1. Ya", welcome.ReplyMarkup!["keyboard"]!.AsArray().Select(r => (string?)r![0]!["text"]));
        Assert.Null(welcome.ParseMode);

        // Reply keyboard taps send the button's text, "1. Ya".
        await SayAsync(fake, () => fake.PushText(Chat, "1. Ya"), "nama desa");
        foreach (var (answer, next) in Answers)
        {
            await SayAsync(fake, () => fake.PushText(Chat, answer), next);
        }

        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 0xFF, 0xD9 };
        var fileId = fake.AddFile(photo);
        await SayAsync(fake, () => fake.PushUpdate(Message(fake, "photo", new JsonArray(new JsonObject
        {
            ["file_id"] = fileId, ["file_unique_id"] = "AQADk7cxGw", ["width"] = 1280, ["height"] = 960,
            ["file_size"] = photo.Length,
        }))), "kirim lokasi");
        await SayAsync(fake, () => fake.PushUpdate(Message(fake, "location",
            new JsonObject { ["latitude"] = -10.1772, ["longitude"] = 123.607 })), "Mohon periksa jawaban");
        var done = await SayAsync(fake, () => fake.PushText(Chat, "0"), "Nomor referensi: OVOP-5301082006-1");

        Assert.Contains("sudah terkirim", done.Text, StringComparison.Ordinal);
        var stored = Assert.Single(Directory.GetFiles(service.MediaPath, "*", SearchOption.AllDirectories));
        Assert.Equal(photo, await File.ReadAllBytesAsync(stored));
        await service.StopAsync();
        Assert.Equal("submitted|OVOP-5301082006-1", await service.QueryOneAsync<string>(
            "SELECT status || '|' || reference FROM submissions"));
        Assert.Equal(0L, await service.QueryOneAsync<long>(
            "SELECT count(*) FROM outbound_messages WHERE status <> 'sent'"));
        Assert.Empty(fake.PendingUpdateIds);
    }

    private static readonly (string Answer, string Next)[] Answers =
    [
        ("Oelnasi", "Desa Oelnasi, Kec. Kupang Tengah, Kabupaten Kupang"),
        ("1. Ya", "Apa jabatan"),
        ("1. Kepala desa / lurah", "Siapa nama lengkap"),
        ("Yohanes Nope", "nomor HP"),
        ("0812-3456-7890", "produk unggulan desa"),
        ("Kopi Arabika", "termasuk jenis apa"),
        ("2. Perkebunan (kopi, kemiri, kakao)", "Sampai tahap mana"),
        ("tiga", "Ceritakan singkat"),
        ("Kopi sangrai dari kebun warga, dijual di pasar Oelamasi.", "bahan baku utamanya"),
        ("Biji kopi", "Dari mana bahan baku"),
        ("1", "sepanjang tahun?"),
        ("2", "Bulan apa saja"),
        ("Juni - Agustus", "satuan apa"),
        ("kg", "jumlah produksi per bulan"),
        ("1.500", "Di mana produk ini dijual"),
        ("1, 3", "harga jual"),
        ("50 ribu", "sertifikat"),
        ("1", "Berapa orang yang ikut membuat"),
        ("sekitar 40 orang", "berapa perempuan"),
        ("25", "anak muda"),
        ("tra ada", "pekerja migran"),
        ("2", "Siapa yang mengelola"),
        ("1", "nama kelompok"),
        ("BUMDes Sehati", "anggotanya"),
        ("12", "BPJS Ketenagakerjaan"),
        ("LEWATI", "musyawarah desa"),
        ("1. Ya", "tantangan terbesar"),
        ("2, 3 dan 4", "sudah pernah diterima"),
        ("1", "Dukungan apa yang dibutuhkan"),
        ("3", "Pelatihan apa"),
        ("1 3", "Berapa orang yang akan ikut pelatihan"),
        ("20", "Berapa dana yang dibutuhkan"),
        ("Rp 2,5 jt", "Dana itu untuk apa"),
        ("Mesin sangrai dan kemasan", "kirim satu foto produk"),
    ];

    private static JsonObject Message(FakeTelegramServer fake, string field, JsonNode content)
    {
        var message = fake.PrivateMessage(Chat);
        message[field] = content;
        return new JsonObject { ["message"] = message };
    }

    /// <summary>Sends as the person and waits for the bot's reply that contains <paramref name="expected"/>.</summary>
    private static Task<FakeTelegramMessage> SayAsync(FakeTelegramServer fake, Action push, string expected) =>
        TelegramService.ExpectReplyAsync(fake, Chat, push, expected);
}
