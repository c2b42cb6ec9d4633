using Dapper;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Tests.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Staff;

/// <summary>Facilitator commands typed in the chat, through the real conversation processor, flows and SQLite.</summary>
public sealed class StaffChatTests : IDisposable
{
    private readonly BotHarness _bot = new();

    private RegionCatalog Catalog => _bot.Get<RegionCatalog>();

    private async Task GrantAsync(string address, string region, StaffRole role = StaffRole.Facilitator) =>
        await _bot.Get<RoleStore>().GrantAsync(new ContactRef("console", address), role, region, "test", CancellationToken.None, _bot.Time.GetUtcNow());

    private long Seed(string address, string villageCode, string status, bool optedOut = false) =>
        StaffSeed.Respondent(_bot.Database, address, villageCode, status, _bot.Time.GetUtcNow(), "telegram", optedOut);

    private int BroadcastRows(string? status = null)
    {
        using var connection = _bot.Database.Open();
        return connection.ExecuteScalar<int>(
            "SELECT count(*) FROM outbound_messages WHERE broadcast_id IS NOT NULL AND (@status IS NULL OR status = @status)", new { status });
    }

    private int DistinctBroadcastRecipients()
    {
        using var connection = _bot.Database.Open();
        return connection.ExecuteScalar<int>("SELECT count(DISTINCT contact_id) FROM outbound_messages WHERE broadcast_id IS NOT NULL");
    }

    [Theory]
    [InlineData("RINGKASAN")]
    [InlineData("BELUM")]
    [InlineData("SIARAN")]
    [InlineData("STATUS SIARAN")]
    public async Task A_village_head_typing_a_staff_command_gets_what_anyone_without_the_role_gets(string command)
    {
        Seed("1", Catalog.VillagesOf("53.01.08")[0].Code, "submitted");
        await _bot.SayAsync("halo", from: "kades");
        await _bot.SayAsync("halo", from: "kades-2");

        var asVillageHead = await _bot.SayAsync(command, from: "kades");
        var asOtherPerson = await _bot.SayAsync(command, from: "kades-2");

        Assert.Equal(asOtherPerson, asVillageHead);
        Assert.DoesNotContain(asVillageHead, r => r.Contains("Ringkasan", StringComparison.Ordinal) || r.Contains("kirim ke siapa", StringComparison.Ordinal)
            || r.Contains("Desa belum terkirim", StringComparison.Ordinal));
        Assert.Equal(0, BroadcastRows());
    }

    [Fact]
    public async Task PERIKSA_in_the_middle_of_a_broadcast_answers_and_closes_the_broadcast_dialog()
    {
        Seed("1", Catalog.VillagesOf("53.01.08")[0].Code, "draft");
        await GrantAsync("fas", "53.01.08");
        await _bot.SayAsync("SIARAN", from: "fas");
        Assert.Contains(await _bot.SayAsync("1", from: "fas"), r => r.Contains("Ketik isi pengumuman", StringComparison.Ordinal));

        Assert.Contains(await _bot.SayAsync("PERIKSA", from: "fas"), r => r.Contains("menunggu pemeriksaan", StringComparison.Ordinal));

        // The broadcast no longer waits for its text: the next message is not taken as one.
        Assert.DoesNotContain(await _bot.SayAsync("Rapat desa hari Senin.", from: "fas"), r => r.Contains("Pratinjau", StringComparison.Ordinal));
        Assert.Equal(0, BroadcastRows());
    }

    [Fact]
    public async Task A_facilitator_gets_the_summary_of_their_district_only()
    {
        var villages = Catalog.VillagesOf("53.01.08");
        Seed("1", villages[0].Code, "submitted");
        Seed("2", villages[1].Code, "draft");
        Seed("3", Catalog.VillagesOf("53.04")[0].Code, "submitted");
        await GrantAsync("fas-1", "53.01.08");

        var replies = await _bot.SayAsync("RINGKASAN", from: "fas-1");

        var text = string.Join("\n", replies);
        Assert.All(replies, r => Assert.True(r.Length <= 500, r));
        Assert.Contains($"({villages.Count} desa): 1 terkirim, 1 sedang diisi, {villages.Count - 2} belum mulai", text, StringComparison.Ordinal);
        Assert.Contains($"{Catalog.District("53.01.08")!.Name}: 1/1/{villages.Count - 2}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Catalog.Regency("53.04")!.Name, text, StringComparison.OrdinalIgnoreCase);
        Assert.Single(text.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^[^:]+: \d+/\d+/\d+$"));
    }

    [Fact]
    public async Task The_missing_list_comes_eight_villages_at_a_time_with_the_contact_person_and_pages_on_LAGI_or_a_number()
    {
        var district = Catalog.DistrictsOf("53.01").First(d => Catalog.VillagesOf(d.Code).Count > 10).Code;
        var villages = Catalog.VillagesOf(district);
        Seed("81234", villages[0].Code, "draft");
        Seed("2", villages[1].Code, "submitted");
        await GrantAsync("fas-1", district);

        var first = string.Join("\n", await _bot.SayAsync("BELUM", from: "fas-1"));
        var second = string.Join("\n", await _bot.SayAsync("LAGI", from: "fas-1"));
        var again = string.Join("\n", await _bot.SayAsync("1", from: "fas-1"));

        Assert.Contains($"(1-8 dari {villages.Count - 1})", first, StringComparison.Ordinal);
        Assert.Contains($"1. {villages[0].Name}", first, StringComparison.Ordinal);
        Assert.Contains("Bapak 81234", first, StringComparison.Ordinal);
        Assert.DoesNotContain($". {villages[1].Name},", first, StringComparison.Ordinal);
        Assert.Contains("LAGI", first, StringComparison.Ordinal);
        Assert.Equal(9, first.Split('\n').Count(l => char.IsDigit(l[0])) + 1); // 8 numbered villages + header
        Assert.Contains("halaman 2/", second, StringComparison.Ordinal);
        Assert.Contains($"9. {villages[9].Name}", second, StringComparison.Ordinal);
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task A_facilitator_broadcast_from_the_chat_reaches_each_unfinished_person_once_even_after_a_double_KIRIM()
    {
        var belu = Catalog.VillagesOf("53.04");
        for (var i = 0; i < 5; i++)
        {
            Seed($"{i}", belu[i].Code, "draft");
        }

        Seed("done", belu[6].Code, "submitted");
        Seed("stopped", belu[7].Code, "draft", optedOut: true);
        Seed("kupang", Catalog.VillagesOf("53.01")[0].Code, "draft");
        await GrantAsync("fas-belu", "53.04");

        Assert.Contains("kirim ke siapa", Assert.Single(await _bot.SayAsync("SIARAN", from: "fas-belu")), StringComparison.Ordinal);
        var areas = await _bot.SayAsync("2", from: "fas-belu");
        Assert.Contains(Catalog.DistrictsOf("53.04")[0].Name, string.Join("\n", areas), StringComparison.Ordinal);
        Assert.Contains("Ketik isi pengumuman", Assert.Single(await _bot.SayAsync("0", from: "fas-belu")), StringComparison.Ordinal);
        var preview = await _bot.SayAsync("Mohon selesaikan pendaftaran OVOP minggu ini.", from: "fas-belu");
        Assert.Contains("Mohon selesaikan pendaftaran OVOP", preview[0], StringComparison.Ordinal);
        Assert.Contains("Penerima: 5 (telegram 5). Dilewati: 1 berhenti langganan", preview[1], StringComparison.Ordinal);
        Assert.Equal(0, BroadcastRows());

        Assert.Contains("5 penerima", Assert.Single(await _bot.SayAsync("KIRIM", from: "fas-belu")), StringComparison.Ordinal);
        Assert.Contains("sudah dikirim", Assert.Single(await _bot.SayAsync("KIRIM", from: "fas-belu")), StringComparison.Ordinal);

        Assert.Equal(5, BroadcastRows());
        Assert.Equal(5, DistinctBroadcastRecipients());
        Assert.Equal("Siaran: terkirim 0/5, 0 gagal.", Assert.Single(await _bot.SayAsync("STATUS SIARAN", from: "fas-belu")));
    }

    [Fact]
    public async Task A_broadcast_cancelled_with_BATAL_at_the_preview_sends_nothing_and_a_late_KIRIM_does_not_revive_it()
    {
        Seed("1", Catalog.VillagesOf("53.01.08")[0].Code, "draft");
        await GrantAsync("fas-1", "53.01.08");

        await _bot.SayAsync("SIARAN", from: "fas-1");
        Assert.Contains("Ketik isi pengumuman", Assert.Single(await _bot.SayAsync("1", from: "fas-1")), StringComparison.Ordinal);
        await _bot.SayAsync("Rapat desa hari Senin.", from: "fas-1");
        Assert.Equal("Siaran dibatalkan.", Assert.Single(await _bot.SayAsync("BATAL", from: "fas-1")));
        await _bot.SayAsync("KIRIM", from: "fas-1");

        Assert.Equal(0, BroadcastRows());
    }

    [Fact]
    public async Task A_too_long_broadcast_text_is_refused_in_the_chat_and_the_dialog_waits_for_a_shorter_one()
    {
        await AskBroadcastTextAsync();

        var refused = Assert.Single(await _bot.SayAsync(new string('a', 5000), from: "fas-1"));
        var justOver = Assert.Single(await _bot.SayAsync(new string('a', 501), from: "fas-1"));
        var preview = await _bot.SayAsync("Pendek saja.", from: "fas-1");

        Assert.Contains("5000", refused, StringComparison.Ordinal);
        Assert.Contains("(501 huruf). Paling banyak 500 huruf", justOver, StringComparison.Ordinal);
        Assert.Equal("Pendek saja.", preview[0]);
        Assert.Contains("Penerima: 1", preview[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broadcast_text_of_500_characters_is_accepted_and_every_message_of_its_preview_stays_within_500()
    {
        Assert.Contains("paling banyak 500 huruf", await AskBroadcastTextAsync(), StringComparison.Ordinal);
        var text = string.Concat(Enumerable.Repeat("Rapat desa hari Senin. ", 22)).TrimEnd()[..500];

        var preview = await _bot.SayAsync(text, from: "fas-1");

        Assert.Equal(text, preview[0]);
        Assert.All(preview, p => Assert.True(p.Length <= 500, p));
        Assert.Contains("pratinjau", preview[1], StringComparison.Ordinal);
        await _bot.SayAsync("KIRIM", from: "fas-1");
        Assert.Equal(1, BroadcastRows());
    }

    /// <summary>A facilitator of one district with one registration starts a broadcast to everyone; returns the question for its text.</summary>
    private async Task<string> AskBroadcastTextAsync()
    {
        Seed("1", Catalog.VillagesOf("53.01.08")[0].Code, "draft");
        await GrantAsync("fas-1", "53.01.08");
        await _bot.SayAsync("SIARAN", from: "fas-1");
        return Assert.Single(await _bot.SayAsync("1", from: "fas-1"));
    }

    public void Dispose() => _bot.Dispose();
}
