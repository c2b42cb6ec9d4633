using OvopBot.Regions;

namespace OvopBot.Tests.Regions;

public sealed class RegionCatalogLoadingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private void WriteValid(string villages = "code,district_code,name\r\n53.01.08.2006,53.01.08,Oelnasi\r\n")
    {
        _folder.Write("provinces.csv", "code,name\n53,Nusa Tenggara Timur\n");
        _folder.Write("regencies.csv", "code,province_code,name\n53.01,53,Kabupaten Kupang\n");
        _folder.Write("districts.csv", "code,regency_code,name\n53.01.08,53.01,Kupang Tengah\n");
        _folder.Write("villages.csv", villages);
    }

    [Fact]
    public void A_small_valid_set_with_windows_line_ends_and_quotes_loads()
    {
        WriteValid("code,district_code,name\r\n53.01.08.2006,53.01.08,Oelnasi\r\n53.01.08.2007,53.01.08,\"Oe \"\"Lua\"\", Dua\"\r\n");

        var catalog = RegionCatalog.Load(_folder.Path);

        Assert.Equal("Oe \"Lua\", Dua", catalog.Village("53.01.08.2007")!.Name);
        Assert.Equal(2, catalog.VillagesOf("53").Count);
    }

    [Fact]
    public void A_village_under_an_unknown_district_is_reported_with_file_and_line()
    {
        WriteValid("code,district_code,name\n53.01.08.2006,53.01.08,Oelnasi\n53.01.09.2001,53.01.09,Nowhere\n");

        var error = Assert.Throws<InvalidDataException>(() => RegionCatalog.Load(_folder.Path));

        Assert.StartsWith("data/wilayah/villages.csv:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("53.01.09", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_that_does_not_nest_in_its_parent_is_rejected()
    {
        WriteValid("code,district_code,name\n53.02.08.2006,53.01.08,Oelnasi\n");

        var error = Assert.Throws<InvalidDataException>(() => RegionCatalog.Load(_folder.Path));

        Assert.Contains("villages.csv:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_code_is_rejected()
    {
        WriteValid("code,district_code,name\n53.01.08.2006,53.01.08,Oelnasi\n53.01.08.2006,53.01.08,Again\n");

        var error = Assert.Throws<InvalidDataException>(() => RegionCatalog.Load(_folder.Path));

        Assert.Contains("duplicate code '53.01.08.2006'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_header_is_rejected()
    {
        WriteValid("kode,kecamatan,nama\n53.01.08.2006,53.01.08,Oelnasi\n");

        var error = Assert.Throws<InvalidDataException>(() => RegionCatalog.Load(_folder.Path));

        Assert.Contains("villages.csv:1: expected the header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_names_its_path()
    {
        WriteValid();
        File.Delete(Path.Combine(_folder.Path, "districts.csv"));

        var error = Assert.Throws<FileNotFoundException>(() => RegionCatalog.Load(_folder.Path));

        Assert.Contains("districts.csv", error.Message, StringComparison.Ordinal);
    }
}
