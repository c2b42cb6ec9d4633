using Dapper;
using OvopBot.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Reviews;

/// <summary>Proposed changes and questions about a record someone may not update (issue 14), through the real processor and SQLite.</summary>
public sealed class ProposalTests : IDisposable
{
    private readonly BotHarness _bot = new(settings: new Dictionary<string, string> { ["Regions:Scope"] = "53.01" });

    private async Task GrantAsync(string address, string region) =>
        await _bot.Get<RoleStore>().GrantAsync(new ContactRef("console", address), StaffRole.Facilitator, region, "test", CancellationToken.None,
            _bot.Time.GetUtcNow());

    private long Count(string sql)
    {
        using var connection = _bot.Database.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    private string QueuedFor(string address)
    {
        using var connection = _bot.Database.Open();
        return string.Join("\n", connection.Query<string>(
            "SELECT o.text FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = @address AND o.in_reply_to IS NULL ORDER BY o.id",
            new { address }));
    }

    /// <summary>Someone new answers up to the village question; returns the reply to the village's name.</summary>
    private async Task<string> StrangerAtVillageAsync(string village)
    {
        IReadOnlyList<string> replies = [];
        foreach (var line in new[] { "halo", "ya", village })
        {
            replies = await _bot.SayAsync(line, from: "warga");
        }

        return string.Join("\n", replies);
    }

    /// <summary>The village head registers, the area has a facilitator, and a stranger confirms the same village.</summary>
    private async Task StrangerAtRegisteredVillageAsync()
    {
        await Registration.RunAsync(line => _bot.SayAsync(line, from: "kades"));
        await GrantAsync("fas", "53.01.08");
        await StrangerAtVillageAsync(Registration.Village);
        await _bot.SayAsync("ya", from: "warga");
    }

    [Fact]
    public async Task A_proposal_for_a_village_outside_the_service_area_is_refused_and_nothing_is_stored()
    {
        var reply = await StrangerAtVillageAsync("Namosain"); // Kota Kupang: outside 53.01

        Assert.Contains("di luar wilayah layanan ini", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Usulkan perubahan", reply, StringComparison.Ordinal);
        Assert.Equal(0, Count("SELECT count(*) FROM submission_proposals"));
        Assert.Equal(0, Count("SELECT count(*) FROM submissions WHERE village_code IS NOT NULL"));
    }

    [Fact]
    public async Task Asking_the_facilitator_tells_the_areas_facilitator_who_asks_and_changes_no_record()
    {
        await StrangerAtRegisteredVillageAsync();
        var record = Count("SELECT revision FROM submissions");

        var reply = string.Join("\n", await _bot.SayAsync("2", from: "warga"));

        Assert.Contains("pendamping wilayah sudah diberi tahu", reply, StringComparison.Ordinal);
        // The village is asked before the name, so the facilitator gets the chat's display name and the contact to reach them.
        Assert.Contains("warga (console:warga) ingin bertanya tentang data desa Oelnasi", QueuedFor("fas"), StringComparison.Ordinal);
        Assert.Equal(record, Count("SELECT revision FROM submissions"));
        Assert.Equal(0, Count("SELECT count(*) FROM submission_proposals"));
    }

    [Fact]
    public async Task A_person_the_facilitator_attached_to_the_record_may_update_it_like_its_respondent()
    {
        await Registration.RunAsync(line => _bot.SayAsync(line, from: "kades"));
        await GrantAsync("fas", "53.01.08");
        var reviewer = new OvopBot.Reviews.Reviewer(Count("SELECT id FROM contacts WHERE address = 'fas'"), "console:fas");
        var outcome = await _bot.Get<OvopBot.Records.ProposalService>().AttachAsync(reviewer, Count("SELECT id FROM submissions"),
            new ContactRef("console", "sekdes"), CancellationToken.None);
        Assert.Equal(OvopBot.Reviews.ReviewOutcome.Done, outcome);
        foreach (var line in new[] { "halo", "ya", Registration.Village })
        {
            await _bot.SayAsync(line, from: "sekdes");
        }

        var offer = string.Join("\n", await _bot.SayAsync("ya", from: "sekdes"));

        Assert.Contains("1. Perbarui data itu", offer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_proposal_leaves_the_record_as_it_was_and_both_people_are_told()
    {
        await StrangerAtRegisteredVillageAsync();
        await _bot.SayAsync("1", from: "warga");
        foreach (var line in new[] { "5", "Warga", "Maria Seran", "LEWATI" }.Concat(Registration.Lines(product: "Lilin lebah").Skip(Registration.BeforeProduct())))
        {
            await _bot.SayAsync(line, from: "warga");
        }

        var record = Count("SELECT revision FROM submissions WHERE status = 'submitted'");
        Assert.Equal(1, Count("SELECT count(*) FROM submission_proposals WHERE status = 'pending'"));
        await _bot.SayAsync("PERIKSA", from: "fas");
        await _bot.SayAsync("2", from: "fas");

        Assert.Contains("ditolak", string.Join("\n", await _bot.SayAsync("TOLAK", from: "fas")), StringComparison.Ordinal);

        Assert.Equal(record, Count("SELECT revision FROM submissions WHERE status = 'submitted'"));
        Assert.Equal(1, Count("SELECT count(*) FROM submission_proposals WHERE status = 'rejected' AND decided_by = 'console:fas'"));
        Assert.Contains("ditolak pendamping; data Bapak/Ibu tetap", QueuedFor("kades"), StringComparison.Ordinal);
        Assert.Contains("tidak diterima pendamping", QueuedFor("warga"), StringComparison.Ordinal);
        Assert.Contains("Madu hutan", _bot.Database.Open().ExecuteScalar<string>("SELECT answers_json FROM submissions WHERE status = 'submitted'"), StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();
}
