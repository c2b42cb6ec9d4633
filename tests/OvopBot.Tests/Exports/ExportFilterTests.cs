using System.Text.Json.Nodes;
using OvopBot.Exports;

namespace OvopBot.Tests.Exports;

/// <summary>Region (any level), WITA dates and status filters, and region names from the official list.</summary>
public sealed class ExportFilterTests : IDisposable
{
    private readonly ExportBench _bench = new();

    public ExportFilterTests()
    {
        // 15:59:59Z is 23:59:59 WITA on the 23rd; 16:00Z is already the 24th in WITA.
        _bench.Village("53.01.08.2006", "Oelnasi", "submitted", new DateTimeOffset(2026, 11, 23, 15, 59, 59, TimeSpan.Zero));
        _bench.Village("53.01.05.2001", "Desa Kupang Satu", "draft", new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        _bench.Village("53.04.01.2001", "Desa Belu", "submitted", new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("53", 3)]
    [InlineData("53.01", 2)]
    [InlineData("53.01.08", 1)]
    [InlineData("53.01.08.2006", 1)]
    [InlineData("53.0", 0)]
    public void A_region_filter_keeps_the_villages_under_that_code(string region, int expected) =>
        Assert.Equal(expected, Export(new ExportFilter(RegionCode: region)).Count);

    [Fact]
    public void Dates_are_whole_days_in_wita()
    {
        var day = new DateOnly(2026, 11, 23);
        Assert.Equal(["OVOP-SEED-1"], Export(new ExportFilter(Since: day, Until: day)).Select(r => r["reference"]!.ToString()));
        Assert.Equal(["OVOP-SEED-3"], Export(new ExportFilter(Since: day.AddDays(1))).Select(r => r["reference"]!.ToString()));
        Assert.Equal(2, Export(new ExportFilter(Until: day)).Count);
    }

    [Fact]
    public void A_status_filter_keeps_drafts_or_submitted_ones()
    {
        Assert.Equal(["Desa Kupang Satu"], Export(new ExportFilter(Status: "draft")).Select(r => r["village_name"]!.ToString()));
        Assert.Equal(2, Export(new ExportFilter(Status: "submitted")).Count);
    }

    [Fact]
    public void Region_codes_and_names_come_from_the_official_list()
    {
        var row = Export(new ExportFilter(RegionCode: "53.01.08.2006")).Single();
        Assert.Equal("53", row["province_code"]!.ToString());
        Assert.Equal("NUSA TENGGARA TIMUR", row["province_name"]!.ToString().ToUpperInvariant());
        Assert.Equal("53.01", row["regency_code"]!.ToString());
        Assert.Equal("53.01.08", row["district_code"]!.ToString());
        Assert.False(string.IsNullOrEmpty(row["district_name"]?.ToString()));
    }

    [Fact]
    public void Conversations_and_requests_follow_the_same_region_filter()
    {
        _bench.Messages(1, 4, new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        _bench.Messages(3, 6, new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

        Assert.Equal(4, Export(new ExportFilter(RegionCode: "53.01"), ExportKind.Conversations).Count);
        Assert.Equal(6, Export(new ExportFilter(RegionCode: "53.04"), ExportKind.Conversations).Count);
        var funding = Export(new ExportFilter(RegionCode: "53.04"), ExportKind.Requests).Single();
        Assert.Equal(15000000m, funding["support.funding.amount"]!.GetValue<decimal>());
        Assert.Equal(2, Export(new ExportFilter(RegionCode: "53.01"), ExportKind.Contacts).Count);
    }

    private List<JsonObject> Export(ExportFilter filter, ExportKind kind = ExportKind.Submissions)
    {
        var path = _bench.File($"{Guid.NewGuid():N}.jsonl");
        _bench.Exports.ExportToFile(new ExportRequest([kind], ExportFormat.Jsonl, filter), path);
        return File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }

    public void Dispose() => _bench.Dispose();
}
