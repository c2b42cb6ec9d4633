using OvopBot.Roles;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.Telegram.EndToEnd;

/// <summary>
/// Facilitator review over Telegram (issue 14): PERIKSA → open → PERBAIKI 2 answers → the village head answers exactly
/// those → SETUJU, through the real service, its workers and sendMessage against the fake Bot API.
/// </summary>
public sealed class TelegramReviewEndToEndTests
{
    private const long Head = 5123456789;
    private const long Facilitator = 5550001;

    [Fact]
    public async Task PERIKSA_PERBAIKI_the_head_fixes_two_answers_SETUJU_verifies()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.PerChatPerSecond = 50;
        await using var service = new TelegramService(fake);
        await service.GrantBeforeStartAsync(Facilitator, StaffRole.Facilitator, "53.01.08");
        await service.StartAsync("--Telegram:PerChatMessagesPerSecond", "50");
        var done = await Registration.RunAsync(line => TurnAsync(fake, service, Head, line));
        Assert.Contains("Nomor referensi: OVOP-5301082006-1", string.Join("\n", done), StringComparison.Ordinal);

        Assert.Contains("1. Oelnasi: Madu hutan (baru)", Assert.Single(await TurnAsync(fake, service, Facilitator, "/periksa")), StringComparison.Ordinal);
        var record = string.Join("\n", await TurnAsync(fake, service, Facilitator, "1"));
        var more = string.Join("\n", await TurnAsync(fake, service, Facilitator, "LAGI"));
        var stage = Registration.NumberOf(record + "\n" + more, "Tahap usaha");
        var capacity = Registration.NumberOf(record + "\n" + more, "Produksi per bulan");
        var headBefore = fake.SentTo(Head).Count;

        var sent = await TurnAsync(fake, service, Facilitator, $"PERBAIKI {stage},{capacity} Mohon cek tahap dan jumlah produksi");
        Assert.Contains("sudah dikirim ke pengisi data", Assert.Single(sent), StringComparison.Ordinal);
        await fake.WaitUntilAsync(s => s.SentTo(Head).Count > headBefore);
        var asked = fake.SentTo(Head)[headBefore].Text!;
        Assert.Contains("Catatan: \"Mohon cek tahap dan jumlah produksi\"", asked, StringComparison.Ordinal);
        Assert.Contains("Sampai tahap mana", asked, StringComparison.Ordinal);

        Assert.Contains("jumlah produksi per bulan", string.Join("\n", await TurnAsync(fake, service, Head, "4")), StringComparison.Ordinal);
        Assert.Contains("Nomor referensi: OVOP-5301082006-1", string.Join("\n", await TurnAsync(fake, service, Head, "450")), StringComparison.Ordinal);

        Assert.Contains("(dikirim ulang)", Assert.Single(await TurnAsync(fake, service, Facilitator, "PERIKSA")), StringComparison.Ordinal);
        await TurnAsync(fake, service, Facilitator, "1");
        Assert.Contains("sudah diverifikasi", Assert.Single(await TurnAsync(fake, service, Facilitator, "SETUJU")), StringComparison.Ordinal);

        Assert.All(fake.SentTo(Facilitator), m => Assert.True(m.Text is null || m.Text.Length <= 500, m.Text));
        await service.StopAsync();
        Assert.Equal("verified|2|sold_outside|450", await service.QueryOneAsync<string>(
            "SELECT review_state || '|' || revision || '|' || json_extract(answers_json, '$.\"product.stage\"') || '|' || json_extract(answers_json, '$.\"resources.capacity_per_month\"') FROM submissions"));
        Assert.Equal(4L, await service.QueryOneAsync<long>("SELECT count(*) FROM submission_history"));
    }

    private static Task<IReadOnlyList<string>> TurnAsync(FakeTelegramServer fake, TelegramService service, long chat, string text) =>
        service.TurnAsync(chat, text);
}
