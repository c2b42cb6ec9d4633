using Dapper;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Roles;
using OvopBot.Tests.TestSupport;
using static OvopBot.Tests.Fakes.WebhookPayloads;

namespace OvopBot.Tests.Channels.WhatsApp.EndToEnd;

/// <summary>
/// Facilitator review over WhatsApp (issue 14): PERIKSA → open → PERBAIKI 2 answers → the village head answers exactly
/// those → SETUJU, through the real service, signed webhooks and messages to the fake Graph API.
/// </summary>
public sealed class WhatsAppReviewEndToEndTests
{
    private const string Head = "6281234567890";
    private const string Facilitator = "6281300000001";

    [Fact]
    public async Task PERIKSA_PERBAIKI_the_head_fixes_two_answers_SETUJU_verifies()
    {
        await using var service = await WhatsAppService.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await service.Services.GetRequiredService<RoleStore>().GrantAsync(new ContactRef("whatsapp", Facilitator), StaffRole.Facilitator, "53.01.08", "test",
            CancellationToken.None, now);
        async Task<IReadOnlyList<string>> Say(string from, string text) =>
            (await service.SayAsync(from, id => Text(from, id, text, now))).Select(WhatsAppService.TextOf).ToList();

        var done = await Registration.RunAsync(line => Say(Head, line), Registration.Lines(phoneAsked: false));
        Assert.Contains("Nomor referensi: OVOP-5301082006-1", string.Join("\n", done), StringComparison.Ordinal);

        Assert.Contains("1. Oelnasi: Madu hutan (baru)", Assert.Single(await Say(Facilitator, "periksa")), StringComparison.Ordinal);
        var record = string.Join("\n", await Say(Facilitator, "1")) + "\n" + string.Join("\n", await Say(Facilitator, "lagi"));
        var stage = Registration.NumberOf(record, "Tahap usaha");
        var capacity = Registration.NumberOf(record, "Produksi per bulan");
        var headBefore = service.SentTo(Head).Count;

        Assert.Contains("sudah dikirim ke pengisi data",
            Assert.Single(await Say(Facilitator, $"PERBAIKI {stage} dan {capacity}: Mohon cek tahap dan jumlah produksi")), StringComparison.Ordinal);
        await WhatsAppService.WaitUntilAsync(() => service.SentTo(Head).Count > headBefore, "the fix request to the head");
        var asked = string.Join("\n", service.SentTo(Head).Skip(headBefore).Select(WhatsAppService.TextOf));
        Assert.Contains("Catatan: \"Mohon cek tahap dan jumlah produksi\"", asked, StringComparison.Ordinal);
        Assert.Contains("Sampai tahap mana", asked, StringComparison.Ordinal);

        Assert.Contains("jumlah produksi per bulan", string.Join("\n", await Say(Head, "4")), StringComparison.Ordinal);
        Assert.Contains("Nomor referensi: OVOP-5301082006-1", string.Join("\n", await Say(Head, "450")), StringComparison.Ordinal);

        Assert.Contains("(dikirim ulang)", Assert.Single(await Say(Facilitator, "PERIKSA")), StringComparison.Ordinal);
        await Say(Facilitator, "1");
        Assert.Contains("sudah diverifikasi", Assert.Single(await Say(Facilitator, "setuju")), StringComparison.Ordinal);

        Assert.Equal("verified|2|sold_outside|450", service.Single<string>(
            "SELECT review_state || '|' || revision || '|' || json_extract(answers_json, '$.\"product.stage\"') || '|' || json_extract(answers_json, '$.\"resources.capacity_per_month\"') FROM submissions"));
        using var connection = service.Database.Open();
        Assert.Equal(["submitted", "needs fixing", "fixed: product.stage, resources.capacity_per_month", "verified"],
            connection.Query<string>("SELECT reason FROM submission_history ORDER BY id").Select(r => r.StartsWith("needs fixing", StringComparison.Ordinal) ? "needs fixing" : r));
    }
}
