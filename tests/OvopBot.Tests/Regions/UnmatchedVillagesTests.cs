using Dapper;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Regions;

/// <summary>A village kept as typed shows up for facilitators (COCOKKAN, regions unmatched) until they pick its official code.</summary>
public sealed class UnmatchedVillagesTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private async Task KeepTypedVillageAsync(string person)
    {
        foreach (var line in new[] { "halo", "ya", "Desa Oelbubuk Lama", "tidak tahu", "1", "1", "Yakobus Tanu" })
        {
            await _bot.SayAsync(line, from: person);
        }
    }

    [Fact]
    public async Task A_facilitator_lists_and_matches_a_typed_village_and_the_person_sees_it()
    {
        await _bot.SayAsync("halo", from: "fasil");
        await _bot.Get<RoleStore>().GrantAsync(new ContactRef("console", "fasil"), StaffRole.Facilitator, "53.01.08", "test", CancellationToken.None, _bot.Time.GetUtcNow());
        await KeepTypedVillageAsync("kades");
        var id = Assert.Single(await _bot.Get<UnmatchedVillages>().ListAsync(CancellationToken.None)).SubmissionId;

        var list = await _bot.SayAsync("COCOKKAN", from: "fasil");
        Assert.Contains(list, r => r.Contains($"#{id} \"Desa Oelbubuk Lama\" (Yakobus Tanu)", StringComparison.Ordinal));

        var outside = await _bot.SayAsync($"COCOKKAN {id} 53.04.05.2004", from: "fasil");
        Assert.Contains(outside, r => r.Contains("bukan desa di wilayah", StringComparison.Ordinal));

        var done = await _bot.SayAsync($"cocokkan {id} 53.01.08.2006", from: "fasil");
        Assert.Contains(done, r => r.Contains("sekarang tercatat untuk desa 53.01.08.2006", StringComparison.Ordinal));
        Assert.Empty(await _bot.Get<UnmatchedVillages>().ListAsync(CancellationToken.None));
        using (var connection = _bot.Database.Open())
        {
            Assert.Equal("53.01.08.2006", connection.ExecuteScalar<string>("SELECT village_code FROM submissions WHERE id = @id", new { id }));
        }

        var again = await _bot.SayAsync($"COCOKKAN {id} 53.01.08.2006", from: "fasil");
        Assert.Contains(again, r => r.Contains("tidak menunggu pencocokan", StringComparison.Ordinal));
        // The person's own conversation carries the official village from now on.
        using var check = _bot.Database.Open();
        Assert.Equal("53.01.08.2006", check.ExecuteScalar<string>(
            "SELECT json_extract(s.state_json, '$.answers.village.code') FROM sessions s JOIN contacts c ON c.id = s.contact_id WHERE c.address = 'kades'"));
    }

    [Fact]
    public async Task Matching_refuses_a_code_that_is_not_a_village()
    {
        await KeepTypedVillageAsync("kades");
        var villages = _bot.Get<UnmatchedVillages>();
        var id = Assert.Single(await villages.ListAsync(CancellationToken.None)).SubmissionId;

        Assert.Equal(MatchRefusal.UnknownVillage, await villages.MatchAsync(id, "53.01", null, CancellationToken.None));
        Assert.Equal(MatchRefusal.UnknownRegistration, await villages.MatchAsync(id + 100, "53.01.08.2006", null, CancellationToken.None));
        Assert.Null(await villages.MatchAsync(id, "53.01.08.2006", null, CancellationToken.None));
    }
}
