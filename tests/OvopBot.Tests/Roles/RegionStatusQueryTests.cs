using OvopBot.Regions;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Roles;

public sealed class RegionStatusQueryTests : IDisposable
{
    private readonly BotHarness _bot = new();

    [Fact]
    public async Task Kupang_is_counted_by_its_24_districts_with_submitted_and_started_villages_in_place()
    {
        var villages = _bot.Get<RegionCatalog>().VillagesOf("53.01.08");
        var now = _bot.Time.GetUtcNow();
        StaffSeed.Respondent(_bot.Database, "1", villages[0].Code, "submitted", now);
        StaffSeed.Respondent(_bot.Database, "2", villages[1].Code, "draft", now);
        StaffSeed.Respondent(_bot.Database, "3", villages[0].Code, "draft", now); // a second person; the village stays submitted

        var report = await _bot.Get<RegionStatusQuery>().ReportAsync(["53.01"], CancellationToken.None);

        var kupang = Assert.Single(report.Regencies);
        Assert.Equal(24, kupang.Districts.Count);
        var district = kupang.Districts.Single(d => d.District.Code == "53.01.08");
        Assert.Equal((villages.Count, 1, 1), (district.Counts.Villages, district.Counts.Submitted, district.Counts.InProgress));
        Assert.Equal((1, 1), (report.Totals.Submitted, report.Totals.InProgress));
    }

    [Fact]
    public async Task The_missing_list_leaves_out_submitted_villages_and_names_who_started_the_others()
    {
        var villages = _bot.Get<RegionCatalog>().VillagesOf("53.01.08");
        var now = _bot.Time.GetUtcNow();
        StaffSeed.Respondent(_bot.Database, "1", villages[0].Code, "submitted", now);
        StaffSeed.Respondent(_bot.Database, "2", villages[1].Code, "draft", now);

        var missing = await _bot.Get<RegionStatusQuery>().MissingAsync(["53.01.08"], CancellationToken.None);

        Assert.Equal(villages.Count - 1, missing.Count);
        Assert.DoesNotContain(missing, m => m.Location.Village.Code == villages[0].Code);
        var started = missing.Single(m => m.Location.Village.Code == villages[1].Code);
        Assert.Equal((VillageProgress.InProgress, "telegram:2"), (started.Progress, started.Contact));
        Assert.All(missing.Where(m => m != started), m => Assert.Null(m.Contact));
    }

    [Fact]
    public async Task Regions_status_53_01_on_the_command_line_lists_kabupaten_kupang_with_its_24_districts()
    {
        using var temp = new TempDirectory();
        using var process = BotProcess.Start(temp.File("ovopbot.db"), "regions", "status", "53.01");

        var (output, error, code) = await process.RunToEndAsync([]);

        Assert.True(code == 0, error);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("53.01 ", StringComparison.Ordinal) && l.Contains("KUPANG", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(24, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^53\.01\.\d\d ")));
    }

    public void Dispose() => _bot.Dispose();
}
