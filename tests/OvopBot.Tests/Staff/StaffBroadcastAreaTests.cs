using Dapper;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Storage;
using OvopBot.Tests.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Staff;

/// <summary>
/// The area step of the chat broadcast for a facilitator of two districts (Kupang Tengah 53.01.08 and Amarasi
/// 53.01.09): 0 reaches both in one broadcast, a number only one; a neighbouring district (Fatuleu) is never reached.
/// </summary>
public sealed class StaffBroadcastAreaTests : IDisposable
{
    private const string Facilitator = "fas-2";
    private readonly BotHarness _bot = new();
    private readonly Dictionary<string, long> _people = [];

    private RegionCatalog Catalog => _bot.Get<RegionCatalog>();

    /// <summary>Two people per district, one more who registered villages in both, one in Fatuleu.</summary>
    private async Task SeedAsync()
    {
        var tengah = Catalog.VillagesOf("53.01.08");
        var amarasi = Catalog.VillagesOf("53.01.09");
        _people["tengah-1"] = Seed("tengah-1", tengah[0].Code);
        _people["tengah-2"] = Seed("tengah-2", tengah[1].Code);
        _people["amarasi-1"] = Seed("amarasi-1", amarasi[0].Code);
        _people["amarasi-2"] = Seed("amarasi-2", amarasi[1].Code);
        _people["both"] = Seed("both", tengah[2].Code);
        using (var connection = _bot.Database.Open())
        {
            connection.Execute(
                """
                INSERT INTO submissions (contact_id, village_code, village_name, status, answers_json, started_at, updated_at)
                VALUES (@contactId, @village, 'Desa', 'draft', '{}', @now, @now)
                """,
                new { contactId = _people["both"], village = amarasi[2].Code, now = DbTime.Write(_bot.Time.GetUtcNow()) });
        }

        _people["fatuleu"] = Seed("fatuleu", Catalog.VillagesOf("53.01.10")[0].Code);
        foreach (var district in new[] { "53.01.08", "53.01.09" })
        {
            await _bot.Get<RoleStore>().GrantAsync(new ContactRef("console", Facilitator), StaffRole.Facilitator, district, "test",
                CancellationToken.None, _bot.Time.GetUtcNow());
        }
    }

    private long Seed(string address, string village) => StaffSeed.Respondent(_bot.Database, address, village, "draft", _bot.Time.GetUtcNow());

    private List<long> Recipients()
    {
        using var connection = _bot.Database.Open();
        return connection.Query<long>("SELECT contact_id FROM outbound_messages WHERE broadcast_id IS NOT NULL ORDER BY contact_id").ToList();
    }

    private async Task<IReadOnlyList<string>> BroadcastAsync(string area)
    {
        await _bot.SayAsync("SIARAN", from: Facilitator);
        var areas = string.Join("\n", await _bot.SayAsync("1", from: Facilitator));
        Assert.Contains($"1. {Catalog.District("53.01.08")!.Name}", areas, StringComparison.Ordinal);
        Assert.Contains($"2. {Catalog.District("53.01.09")!.Name}", areas, StringComparison.Ordinal);
        Assert.Contains("Ketik isi pengumuman", Assert.Single(await _bot.SayAsync(area, from: Facilitator)), StringComparison.Ordinal);
        var preview = await _bot.SayAsync("Pelatihan pengemasan hari Kamis di kantor camat.", from: Facilitator);
        await _bot.SayAsync("KIRIM", from: Facilitator);
        return preview;
    }

    [Fact]
    public async Task Choosing_0_reaches_the_villages_of_both_districts_each_person_once()
    {
        await SeedAsync();

        var preview = await BroadcastAsync("0");

        Assert.Contains("Penerima: 5 (telegram 5)", preview[1], StringComparison.Ordinal);
        var expected = new[] { "tengah-1", "tengah-2", "amarasi-1", "amarasi-2", "both" }.Select(p => _people[p]).Order().ToList();
        Assert.Equal(expected, Recipients());
        using var connection = _bot.Database.Open();
        Assert.Equal(["53.01.08", "53.01.09"], connection.Query<string>("SELECT region_code FROM broadcast_regions ORDER BY region_code").ToList());
    }

    [Fact]
    public async Task Choosing_a_number_reaches_only_that_district()
    {
        await SeedAsync();

        var preview = await BroadcastAsync("2");

        Assert.Contains("Penerima: 3 (telegram 3)", preview[1], StringComparison.Ordinal);
        Assert.Equal(new[] { "amarasi-1", "amarasi-2", "both" }.Select(p => _people[p]).Order().ToList(), Recipients());
    }

    [Fact]
    public async Task A_number_beyond_the_list_is_asked_again_and_sends_nothing()
    {
        await SeedAsync();
        await _bot.SayAsync("SIARAN", from: Facilitator);
        await _bot.SayAsync("1", from: Facilitator);

        Assert.Contains("angka pilihan", Assert.Single(await _bot.SayAsync("3", from: Facilitator)), StringComparison.Ordinal);
        Assert.Empty(Recipients());
    }

    public void Dispose() => _bot.Dispose();
}
