using Dapper;
using OvopBot.Broadcasts;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Tests.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Broadcasts;

/// <summary>Broadcasts over several regions through <see cref="BroadcastService"/>: the checks per code, and each person once.</summary>
public sealed class BroadcastRegionsTests : IDisposable
{
    private readonly BotHarness _bot = new();

    private BroadcastService Service => _bot.Get<BroadcastService>();

    /// <summary>One unfinished person in each of the first villages of Kupang Tengah, Amarasi, Fatuleu and Belu.</summary>
    private void Seed(int perRegion = 2)
    {
        var catalog = _bot.Get<RegionCatalog>();
        var n = 0;
        foreach (var region in new[] { "53.01.08", "53.01.09", "53.01.10", "53.04" })
        {
            foreach (var village in catalog.VillagesOf(region).Take(perRegion))
            {
                StaffSeed.Respondent(_bot.Database, $"{++n}", village.Code, "draft", _bot.Time.GetUtcNow());
            }
        }
    }

    private async Task<long> FacilitatorOfTwoDistrictsAsync()
    {
        var who = new ContactRef("telegram", "fas-2");
        foreach (var district in new[] { "53.01.08", "53.01.09" })
        {
            await _bot.Get<RoleStore>().GrantAsync(who, StaffRole.Facilitator, district, "test", CancellationToken.None, _bot.Time.GetUtcNow());
        }

        return (await _bot.Get<RoleStore>().ContactIdAsync(who, CancellationToken.None))!.Value;
    }

    private Task<BroadcastPreview> PrepareAsync(IReadOnlyList<string> regions, long? author = null, StaffRole role = StaffRole.Admin) =>
        Service.PrepareAsync(new BroadcastRequest(BroadcastTarget.All, regions, "Rapat desa hari Senin.", "test", author), role, CancellationToken.None);

    private List<string> Regions(long id)
    {
        using var connection = _bot.Database.Open();
        return connection.Query<string>("SELECT region_code FROM broadcast_regions WHERE broadcast_id = @id ORDER BY region_code", new { id }).ToList();
    }

    private int Broadcasts()
    {
        using var connection = _bot.Database.Open();
        return connection.ExecuteScalar<int>("SELECT count(*) FROM broadcasts");
    }

    [Theory]
    [InlineData("53.01.08", "53.01.10")]
    [InlineData("53.01")]
    [InlineData("53.01.09", "53.04")]
    public async Task A_code_outside_the_facilitators_scope_is_refused_even_beside_codes_inside_it(params string[] regions)
    {
        Seed();
        var facilitator = await FacilitatorOfTwoDistrictsAsync();

        var refused = await Assert.ThrowsAsync<BroadcastRefusedException>(() => PrepareAsync(regions, facilitator, StaffRole.Facilitator));

        Assert.Contains($"{regions[^1]} (", refused.Message, StringComparison.Ordinal);
        Assert.Contains("outside their regions", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, Broadcasts());
    }

    [Fact]
    public async Task Both_districts_of_the_facilitator_make_one_broadcast_with_each_person_once()
    {
        Seed();
        var facilitator = await FacilitatorOfTwoDistrictsAsync();

        var preview = await PrepareAsync(["53.01.09", "53.01.08", "53.01.08"], facilitator, StaffRole.Facilitator);
        await Service.ConfirmAsync(preview.Id, CancellationToken.None);

        Assert.Equal(4, preview.Recipients);
        Assert.Equal(["53.01.08", "53.01.09"], Regions(preview.Id));
        Assert.Equal(4, (await Service.ProgressAsync(preview.Id, CancellationToken.None))!.Total);
    }

    [Fact]
    public async Task Several_regions_from_the_command_line_add_nobody_twice_when_one_lies_inside_another()
    {
        Seed();

        var preview = await PrepareAsync(["53.04", "53.01.08", "53.01"]);
        await Service.ConfirmAsync(preview.Id, CancellationToken.None);

        Assert.Equal(8, preview.Recipients);
        Assert.Equal(["53.01", "53.04"], Regions(preview.Id));
        using var connection = _bot.Database.Open();
        Assert.Equal(8, connection.ExecuteScalar<int>("SELECT count(DISTINCT contact_id) FROM outbound_messages WHERE broadcast_id = @Id", preview));
    }

    [Fact]
    public async Task A_region_outside_the_service_area_among_others_is_refused()
    {
        var refused = await Assert.ThrowsAsync<BroadcastRefusedException>(() => PrepareAsync(["53.01", "31.71"]));

        Assert.Contains("31.71", refused.Message, StringComparison.Ordinal);
        Assert.Contains("outside the service area", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, Broadcasts());
    }

    [Fact]
    public async Task A_district_narrows_one_region_and_is_refused_with_several()
    {
        Seed();

        var narrowed = await Service.PrepareAsync(new BroadcastRequest(BroadcastTarget.All, "53.01", "53.01.09", "Rapat.", "test"), StaffRole.Admin,
            CancellationToken.None);
        var refused = await Assert.ThrowsAsync<BroadcastRefusedException>(() => Service.PrepareAsync(
            new BroadcastRequest(BroadcastTarget.All, ["53.01", "53.04"], "Rapat.", "test") { DistrictCode = "53.01.09" }, StaffRole.Admin,
            CancellationToken.None));

        Assert.Equal(2, narrowed.Recipients);
        Assert.Equal(["53.01.09"], Regions(narrowed.Id));
        Assert.Contains("several regions", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_region_at_all_is_refused()
    {
        var refused = await Assert.ThrowsAsync<BroadcastRefusedException>(() => PrepareAsync([]));
        Assert.Contains("No region", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();
}
