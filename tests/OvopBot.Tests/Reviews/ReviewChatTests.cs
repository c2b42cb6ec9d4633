using System.Text.RegularExpressions;
using CsCheck;
using Dapper;
using OvopBot.Regions;
using OvopBot.Reminders;
using OvopBot.Roles;
using OvopBot.Tests.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Reviews;

/// <summary>Facilitator review in the chat (PERIKSA → open → PERBAIKI → the head fixes → SETUJU) through the real processor, flows and SQLite.</summary>
public sealed partial class ReviewChatTests : IDisposable
{
    private readonly BotHarness _bot = new();

    private Task<IReadOnlyList<string>> Head(string line) => _bot.SayAsync(line, from: "kades");

    private Task<IReadOnlyList<string>> Facilitator(string line) => _bot.SayAsync(line, from: "fas");

    private async Task GrantAsync(string address, string region, StaffRole role = StaffRole.Facilitator) =>
        await _bot.Get<RoleStore>().GrantAsync(new ContactRef("console", address), role, region, "test", CancellationToken.None, _bot.Time.GetUtcNow());

    private (string State, string? ReviewedBy, string? Note, string Answers, long Revision) Record()
    {
        using var connection = _bot.Database.Open();
        return connection.QuerySingle<(string, string?, string?, string, long)>(
            "SELECT review_state, reviewed_by, review_note, answers_json, revision FROM submissions WHERE status = 'submitted'");
    }

    private List<string> History()
    {
        using var connection = _bot.Database.Open();
        return connection.Query<string>("SELECT reason FROM submission_history ORDER BY id").ToList();
    }

    private string QueuedFor(string address, long after = 0)
    {
        using var connection = _bot.Database.Open();
        return string.Join("\n---\n", connection.Query<string>(
            "SELECT o.text FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = @address AND o.id > @after AND o.in_reply_to IS NULL ORDER BY o.id",
            new { address, after }));
    }

    private long LastOutboxId()
    {
        using var connection = _bot.Database.Open();
        return connection.ExecuteScalar<long>("SELECT coalesce(max(id), 0) FROM outbound_messages");
    }

    [Fact]
    public async Task PERIKSA_PERBAIKI_the_head_fixes_exactly_two_answers_then_SETUJU_verifies_with_history()
    {
        await Registration.RunAsync(Head);
        await GrantAsync("fas", "53.01.08");

        var list = Assert.Single(await Facilitator("PERIKSA"));
        Assert.Contains("1. Oelnasi: Madu hutan (baru)", list, StringComparison.Ordinal);
        var page = Assert.Single(await Facilitator("1"));
        Assert.Contains("Oelnasi (OVOP-5301082006-1), baru, halaman 1/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Setuju?", page, StringComparison.Ordinal);
        var pages = new List<string> { page };
        while (!pages[^1].Contains($"halaman {pages.Count}/{pages.Count}", StringComparison.Ordinal))
        {
            pages.Add(Assert.Single(await Facilitator("LAGI")));
        }

        Assert.All(pages, p => Assert.True(p.Length <= 500, p));
        var record = string.Join("\n", pages);
        var stage = Registration.NumberOf(record, "Tahap usaha");
        var capacity = Registration.NumberOf(record, "Produksi per bulan");
        var before = Record();

        var sent = Assert.Single(await Facilitator($"PERBAIKI {stage}, {capacity} Tahap dan kapasitas belum sesuai data kecamatan"));
        Assert.Contains($"no. {stage},{capacity} untuk Oelnasi sudah dikirim", sent, StringComparison.Ordinal);
        var (state, reviewer, note, _, _) = Record();
        Assert.Equal(("needs_fixing", "console:fas", "Tahap dan kapasitas belum sesuai data kecamatan"), (state, reviewer, note));
        var asked = QueuedFor("kades");
        Assert.Contains("Catatan: \"Tahap dan kapasitas belum sesuai data kecamatan\"", asked, StringComparison.Ordinal);
        Assert.Contains("jawab lagi 2 pertanyaan", asked, StringComparison.Ordinal);
        Assert.Contains("Sampai tahap mana", asked, StringComparison.Ordinal);

        Assert.Contains("Berapa jumlah produksi", string.Join("\n", await Head("dijual ke luar daerah")), StringComparison.OrdinalIgnoreCase);
        var done = string.Join("\n", await Head("450"));
        Assert.Contains("Nomor referensi: OVOP-5301082006-1", done, StringComparison.Ordinal);

        var after = Record();
        Assert.Equal("resubmitted", after.State);
        Assert.Equal(2, after.Revision);
        var changed = Changed(before.Answers, after.Answers);
        Assert.Equal(["product.stage", "resources.capacity_per_month"], changed);

        Assert.Contains("(dikirim ulang)", Assert.Single(await Facilitator("PERIKSA")), StringComparison.Ordinal);
        await Facilitator("1");
        Assert.Contains("Oelnasi (OVOP-5301082006-1) sudah diverifikasi", Assert.Single(await Facilitator("SETUJU")), StringComparison.Ordinal);
        Assert.Equal("verified", Record().State);
        Assert.Equal(
            ["submitted", $"needs fixing: {stage} product.stage, {capacity} resources.capacity_per_month; note: Tahap dan kapasitas belum sesuai data kecamatan",
             "fixed: product.stage, resources.capacity_per_month", "verified"],
            History());
        Assert.Contains("Tidak ada data yang menunggu", Assert.Single(await Facilitator("PERIKSA")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PERBAIKI_with_numbers_not_on_the_record_is_refused_and_nothing_changes()
    {
        await Registration.RunAsync(Head);
        await GrantAsync("fas", "53.01.08");
        await Facilitator("PERIKSA");
        await Facilitator("1");
        var outbox = LastOutboxId();

        var refused = Assert.Single(await Facilitator("PERBAIKI 3, 99 catatan"));
        var noNote = Assert.Single(await Facilitator("PERBAIKI 3"));
        var noNumber = Assert.Single(await Facilitator("PERBAIKI tolong dicek"));

        Assert.Contains("Nomor 3,99 tidak ada di data ini (1-", refused, StringComparison.Ordinal);
        Assert.Contains("Tidak ada yang diubah", noNote, StringComparison.Ordinal);
        Assert.Contains("Tidak ada yang diubah", noNumber, StringComparison.Ordinal);
        Assert.Equal("submitted", Record().State);
        Assert.Equal("", QueuedFor("kades", outbox));
        Assert.Equal(["submitted"], History());
    }

    [Fact]
    public async Task Approving_or_fixing_outside_ones_area_is_refused_and_nothing_changes()
    {
        await Registration.RunAsync(Head);
        await GrantAsync("fas", "53.01.08");
        await GrantAsync("fas-belu", "53.04");
        await Facilitator("PERIKSA");
        await Facilitator("1");

        Assert.Contains("Tidak ada data yang menunggu", Assert.Single(await _bot.SayAsync("PERIKSA", from: "fas-belu")), StringComparison.Ordinal);
        // The Kupang Tengah facilitator loses the area between opening the record and deciding: refused at once.
        await _bot.Get<RoleStore>().RevokeAsync(new ContactRef("console", "fas"), StaffRole.Facilitator, "53.01.08", CancellationToken.None);
        await GrantAsync("fas", "53.04");
        var outbox = LastOutboxId();
        Assert.Contains("di luar wilayah", Assert.Single(await Facilitator("SETUJU")), StringComparison.Ordinal);
        Assert.Contains("di luar wilayah", Assert.Single(await Facilitator("PERBAIKI 2 catatan")), StringComparison.Ordinal);

        Assert.Equal("submitted", Record().State);
        Assert.Equal(["submitted"], History());
        Assert.Equal("", QueuedFor("kades", outbox));
    }

    [Fact]
    public async Task A_pending_fix_is_reminded_from_when_it_was_asked()
    {
        await Registration.RunAsync(Head);
        await GrantAsync("fas", "53.01.08");
        _bot.Time.Advance(TimeSpan.FromDays(5));
        await Facilitator("PERIKSA");
        var record = string.Join("\n", await Facilitator("1"));
        await Facilitator($"PERBAIKI {Registration.NumberOf(record, "Nama")} Nama lengkap mohon ditulis");
        var reminders = _bot.Get<ReminderService>();

        Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));
        _bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await reminders.SendDueAsync(CancellationToken.None));

        using var connection = _bot.Database.Open();
        var reminder = connection.QuerySingle<string>("SELECT text FROM outbound_messages WHERE kind = 1");
        Assert.Contains("pendamping masih menunggu perbaikan", reminder, StringComparison.Ordinal);
        Assert.Contains("nama", reminder, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_facilitator_who_is_the_records_village_head_is_asked_the_fix_in_their_own_conversation()
    {
        await Registration.RunAsync(Head);
        await GrantAsync("kades", "53.01.08");
        await Head("PERIKSA");
        var record = string.Join("\n", await Head("1"));

        Assert.Contains("sudah dikirim", Assert.Single(await Head($"PERBAIKI {Registration.NumberOf(record, "Nama")} Mohon nama lengkap")),
            StringComparison.Ordinal);
        Assert.Contains("Siapa nama lengkap Bapak/Ibu?", QueuedFor("kades"), StringComparison.Ordinal);

        // The review stays open, but a name is nothing of its: the registration takes it as the answer asked again.
        Assert.Contains("Nomor referensi: OVOP-5301082006-1", string.Join("\n", await Head("Benediktus Mau Bria")), StringComparison.Ordinal);
        Assert.Equal(("resubmitted", 2L), (Record().State, Record().Revision));
    }

    [Fact]
    public async Task The_list_shows_eight_a_message_LAGI_the_rest_and_a_number_from_the_second_page_opens_that_record()
    {
        var villages = _bot.Get<RegionCatalog>().VillagesOf("53.01").Take(10).ToList();
        using (var connection = _bot.Database.Open())
        {
            foreach (var (village, i) in villages.Select((v, i) => (v, i)))
            {
                StaffSeed.Respondent(_bot.Database, $"kades-{i}", village.Code, "submitted", _bot.Time.GetUtcNow());
                connection.Execute("UPDATE submissions SET review_state = 'submitted', village_name = @Name WHERE village_code = @Code", village);
            }
        }

        await GrantAsync("fas", "53.01");

        var first = Assert.Single(await Facilitator("PERIKSA"));
        Assert.StartsWith("Menunggu pemeriksaan (1-8 dari 10), halaman 1/2:", first, StringComparison.Ordinal);
        Assert.Contains($"8. {villages[7].Name}: - (baru)", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\n9. ", first, StringComparison.Ordinal);
        Assert.EndsWith("LAGI untuk berikutnya.", first, StringComparison.Ordinal);
        var second = Assert.Single(await Facilitator("LAGI"));
        Assert.StartsWith("Menunggu pemeriksaan (9-10 dari 10), halaman 2/2:", second, StringComparison.Ordinal);
        Assert.Contains($"10. {villages[9].Name}: - (baru)", second, StringComparison.Ordinal);
        Assert.All(new[] { first, second }, p => Assert.True(p.Length <= 500, p));

        Assert.StartsWith($"{villages[9].Name} (-), baru, halaman 1/1:", Assert.Single(await Facilitator("10")), StringComparison.Ordinal);
        Assert.Contains($"{villages[9].Name} (-) sudah diverifikasi", Assert.Single(await Facilitator("SETUJU")), StringComparison.Ordinal);
        Assert.Equal(["verified"], _bot.Database.Open().Query<string>(
            "SELECT review_state FROM submissions WHERE village_code = @Code", villages[9]).ToList());
        Assert.Contains("Buka dulu satu data", Assert.Single(await Facilitator("SETUJU")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_the_list_with_LAGI_shows_every_item_once_in_messages_of_at_most_500_characters()
    {
        await Gen.Select(Gen.Int[1, 30], Gen.Int[0, 200]).SampleAsync(async (count, productLength) =>
        {
            using var bot = new BotHarness();
            var villages = bot.Get<RegionCatalog>().VillagesOf("53.01").Take(count).ToList();
            using (var connection = bot.Database.Open())
            {
                foreach (var (village, i) in villages.Select((v, i) => (v, i)))
                {
                    StaffSeed.Respondent(bot.Database, $"kades-{i}", village.Code, "submitted", bot.Time.GetUtcNow());
                    connection.Execute("UPDATE submissions SET review_state = 'submitted', village_name = @name, answers_json = @json WHERE village_code = @code",
                        new { name = village.Name, code = village.Code, json = $$"""{"product.name": "{{new string('m', productLength)}}"}""" });
                }
            }

            await bot.Get<RoleStore>().GrantAsync(new ContactRef("console", "fas"), StaffRole.Facilitator, "53.01", "test", CancellationToken.None,
                bot.Time.GetUtcNow());
            var shown = new List<int>();
            var messages = await bot.SayAsync("PERIKSA", from: "fas");
            for (var page = 1; ; page++)
            {
                Assert.All(messages, m => Assert.True(m.Length <= 500, m));
                shown.AddRange(messages.SelectMany(m => m.Split('\n')).Select(l => ItemNumber().Match(l)).Where(m => m.Success)
                    .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
                if (!messages[^1].EndsWith("LAGI untuk berikutnya.", StringComparison.Ordinal) || page > count)
                {
                    break;
                }

                messages = await bot.SayAsync("LAGI", from: "fas");
            }

            Assert.Equal(Enumerable.Range(1, count), shown);
        }, iter: 8);
    }

    [GeneratedRegex(@"^(\d+)\. ")]
    private static partial Regex ItemNumber();

    private static List<string> Changed(string beforeJson, string afterJson)
    {
        var before = System.Text.Json.Nodes.JsonNode.Parse(beforeJson)!.AsObject();
        var after = System.Text.Json.Nodes.JsonNode.Parse(afterJson)!.AsObject();
        return after.Where(a => before[a.Key]?.ToJsonString() != a.Value?.ToJsonString()).Select(a => a.Key)
            .Concat(before.Where(b => !after.ContainsKey(b.Key)).Select(b => b.Key)).Order(StringComparer.Ordinal).ToList();
    }

    public void Dispose() => _bot.Dispose();
}
