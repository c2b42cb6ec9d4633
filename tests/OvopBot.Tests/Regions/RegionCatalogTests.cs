using OvopBot.Regions;

namespace OvopBot.Tests.Regions;

public sealed class RegionCatalogTests
{
    private static RegionCatalog Catalog => Wilayah.Catalog;

    [Fact]
    public void The_whole_country_loads_with_the_official_counts()
    {
        Assert.Equal(38, Catalog.Provinces.Count);
        Assert.Equal(514, Catalog.Regencies.Count);
        Assert.Equal(7285, Catalog.Districts.Count);
        Assert.Equal(83762, Catalog.Villages.Count);
    }

    [Fact]
    public void Nusa_Tenggara_Timur_has_22_regencies_315_districts_and_3442_villages()
    {
        Assert.Equal("Nusa Tenggara Timur", Catalog.Name("53"));
        Assert.Equal(22, Catalog.RegenciesOf("53").Count);
        Assert.Equal(315, Catalog.DistrictsOf("53").Count);
        Assert.Equal(3442, Catalog.VillagesOf("53").Count);
    }

    [Fact]
    public void Kupang_has_177_villages_in_24_districts_and_Belu_81_villages()
    {
        Assert.Equal(177, Catalog.VillagesOf("53.01").Count);
        Assert.Equal(24, Catalog.DistrictsOf("53.01").Count);
        Assert.Equal(81, Catalog.VillagesOf("53.04").Count);
        Assert.Equal(177 + 81, Catalog.VillagesIn(["53.01", "53.04"]).Count);
    }

    [Fact]
    public void Each_level_is_found_by_its_code()
    {
        Assert.Equal(new Province("53", "Nusa Tenggara Timur"), Catalog.Province("53"));
        Assert.Equal(new Regency("53.01", "Kabupaten Kupang", "53"), Catalog.Regency("53.01"));
        Assert.Equal(new District("53.01.08", "Kupang Tengah", "53.01"), Catalog.District("53.01.08"));
        Assert.Equal(new Village("53.01.08.2006", "Oelnasi", "53.01.08"), Catalog.Village("53.01.08.2006"));
        Assert.Equal("Kota Kupang", Catalog.Name("53.71"));
        Assert.Null(Catalog.Village("53.01.08.9999"));
        Assert.Null(Catalog.Name("not a code"));
    }

    [Fact]
    public void The_villages_of_a_district_are_exactly_those_whose_district_code_it_is()
    {
        var villages = Catalog.VillagesOf("53.01.08");

        Assert.NotEmpty(villages);
        Assert.All(villages, v => Assert.Equal("53.01.08", v.DistrictCode));
        Assert.Equal(Catalog.Villages.Count(v => v.DistrictCode == "53.01.08"), villages.Count);
        Assert.Contains(villages, v => v.Name == "Oelnasi");
    }

    [Fact]
    public void Children_do_not_leak_into_codes_that_merely_share_a_prefix()
    {
        // 53.01 must not pick up 53.010…, and an unknown code has no children at all.
        Assert.All(Catalog.DistrictsOf("53.01"), d => Assert.Equal("53.01", d.RegencyCode));
        Assert.Empty(Catalog.VillagesOf("53.99"));
        Assert.Empty(Catalog.DistrictsOf("5"));
    }

    [Fact]
    public void A_village_code_tells_kelurahan_from_desa()
    {
        Assert.Equal(VillageKind.Kelurahan, Catalog.Village("53.01.08.1007")!.Kind);  // Tarus
        Assert.Equal(VillageKind.Desa, Catalog.Village("53.01.08.2006")!.Kind);       // Oelnasi
        Assert.Equal(VillageKind.Other, Catalog.Village("91.03.01.3007")!.Kind);      // Desa Adat Yoboi
    }

    [Fact]
    public void A_village_is_located_in_its_district_regency_and_province()
    {
        var location = Catalog.Locate("53.01.08.2006")!;

        Assert.Equal("Oelnasi", location.Village.Name);
        Assert.Equal("Kupang Tengah", location.District.Name);
        Assert.Equal("Kabupaten Kupang", location.Regency.Name);
        Assert.Equal("Nusa Tenggara Timur", location.Province.Name);
        Assert.Null(Catalog.Locate("53.01.08"));
    }

    [Fact]
    public void Quoted_names_in_the_data_are_read_without_their_quotes()
    {
        Assert.Equal("Lubuk Pakam I,II", Catalog.Village("12.07.28.1007")!.Name);
        Assert.Equal("Nunle\"u", Catalog.Village("53.02.08.2002")!.Name);
    }

    [Fact]
    public void Is_within_holds_for_a_code_under_the_scope_and_not_for_an_unknown_code()
    {
        Assert.True(Catalog.IsWithin("53.01.08.2006", "53"));
        Assert.True(Catalog.IsWithin("53.01", "53.01"));
        Assert.False(Catalog.IsWithin("53.71.04.1001", "53.01"));
        Assert.False(Catalog.IsWithin("53.01.08.9999", "53.01"));
    }

    [Fact]
    public void Overlapping_scope_codes_give_each_village_once_in_code_order()
    {
        var villages = Catalog.VillagesIn(["53.04", "53", "53.01"]);

        Assert.Equal(3442, villages.Count);
        Assert.Equal(villages.OrderBy(v => v.Code, StringComparer.Ordinal).Select(v => v.Code),
            villages.Select(v => v.Code));
    }
}
