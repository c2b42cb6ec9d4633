using OvopBot.Regions;

namespace OvopBot.Tests.Regions;

public sealed class RegionStatusReportTests
{
    private static RegionCatalog Catalog => Wilayah.Catalog;

    private static readonly Dictionary<string, VillageProgress> Progress = new()
    {
        ["53.01.08.2006"] = VillageProgress.Submitted,   // Oelnasi, Kupang Tengah
        ["53.01.08.2008"] = VillageProgress.InProgress,  // Noelbaki, Kupang Tengah
        ["53.01.08.1007"] = VillageProgress.Submitted,   // Tarus, Kupang Tengah
        ["53.04.01.2001"] = VillageProgress.InProgress,  // somewhere in Belu
        ["53.71.04.1001"] = VillageProgress.Submitted,   // Oebobo, Kota Kupang: outside 53.01
        ["53.01.99.9999"] = VillageProgress.Submitted,   // not a village at all: ignored
    };

    [Fact]
    public void Kabupaten_Kupang_lists_its_24_districts_with_counts()
    {
        var report = RegionStatusReport.Build(Catalog, "53.01", Progress);

        var regency = Assert.Single(report.Regencies);
        Assert.Equal("Kabupaten Kupang", regency.Regency.Name);
        Assert.Equal(24, regency.Districts.Count);
        Assert.Equal(new ProgressCounts(177, 2, 1), regency.Counts);
        Assert.Equal(174, regency.Counts.NotStarted);
        Assert.Equal(regency.Counts, report.Totals);

        var tengah = regency.Districts.Single(d => d.District.Code == "53.01.08");
        Assert.Equal(2, tengah.Counts.Submitted);
        Assert.Equal(1, tengah.Counts.InProgress);
        Assert.Equal(Catalog.VillagesOf("53.01.08").Count, tengah.Counts.Villages);
        Assert.All(regency.Districts.Where(d => d != tengah), d => Assert.Equal(d.Counts.Villages, d.Counts.NotStarted));
        Assert.Equal(regency.Districts.OrderBy(d => d.District.Code, StringComparer.Ordinal), regency.Districts);
    }

    [Fact]
    public void The_whole_province_has_a_row_per_regency_that_adds_up()
    {
        var report = RegionStatusReport.Build(Catalog, "53", Progress);

        Assert.Equal(22, report.Regencies.Count);
        Assert.Equal(315, report.Regencies.Sum(r => r.Districts.Count));
        Assert.Equal(new ProgressCounts(3442, 3, 2), report.Totals);
        Assert.All(report.Regencies, r => Assert.Equal(r.Counts.Villages, r.Districts.Sum(d => d.Counts.Villages)));
    }

    [Fact]
    public void Several_codes_and_compact_codes_are_accepted()
    {
        var report = RegionStatusReport.Build(Catalog, ["5301", "53.04"], Progress);

        Assert.Equal(["53.01", "53.04"], report.Regencies.Select(r => r.Regency.Code));
        Assert.Equal(new ProgressCounts(258, 2, 2), report.Totals);
    }

    [Fact]
    public void One_district_gives_one_regency_with_one_district()
    {
        var report = RegionStatusReport.Build(Catalog, "53.01.08", Progress);

        var district = Assert.Single(Assert.Single(report.Regencies).Districts);
        Assert.Equal("Kupang Tengah", district.District.Name);
    }

    [Fact]
    public void An_unknown_region_code_is_an_error_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => RegionStatusReport.Build(Catalog, "53.99", Progress));

        Assert.Contains("'53.99'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_villages_of_a_district_come_with_their_progress()
    {
        var rows = RegionStatusReport.Villages(Catalog, ["53.01.08"], Progress);

        Assert.Equal(VillageProgress.Submitted, rows.Single(r => r.Village.Name == "Oelnasi").Progress);
        Assert.Equal(VillageProgress.InProgress, rows.Single(r => r.Village.Name == "Noelbaki").Progress);
        Assert.Equal(rows.Count - 3, rows.Count(r => r.Progress == VillageProgress.NotStarted));
    }
}
