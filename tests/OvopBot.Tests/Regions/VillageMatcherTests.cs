using OvopBot.Regions;

namespace OvopBot.Tests.Regions;

public sealed class VillageMatcherTests
{
    private const string Oelnasi = "53.01.08.2006";

    private static VillageMatcher Ntt => Wilayah.Ntt;

    [Theory]
    [InlineData("Oelnasi")]
    [InlineData("OELNASI")]
    [InlineData("oelnasi ")]
    [InlineData("Desa Oelnasi")]
    [InlineData("desa. oelnasi")]
    [InlineData("Ds. Oelnasi")]
    [InlineData("Oel Nasi")]
    [InlineData("Oel-nasi!")]
    [InlineData("Ｏｅｌｎａｓｉ")]
    [InlineData("Oélnasi")]
    [InlineData("Oel\u200Bnasi")]
    [InlineData("Desa Oelnasi, Kec. Kupang Tengah")]
    [InlineData("oelnasi kabupaten kupang")]
    public void The_exact_name_in_any_dress_is_an_exact_confident_match(string typed)
    {
        var first = Ntt.Find(typed)[0];

        Assert.Equal(Oelnasi, first.Village.Code);
        Assert.True(first.IsExact);
        Assert.True(first.IsConfident);
        Assert.Equal(1.0, first.Score);
    }

    [Theory]
    [InlineData("Desa Oel-Nasi", "oelnasi")]
    [InlineData("Kel. Kelapa Lima", "kelapalima")]
    [InlineData("Desa", "desa")]
    [InlineData("Camplong 2", "camplongii")]
    [InlineData("Blok 15", "blok15")]
    [InlineData("Oelnasi Kec. Kupang Tengah", "oelnasi")]
    [InlineData("Regapu’u", "regapuu")]
    [InlineData("2", "")]
    [InlineData("--", "")]
    public void The_comparison_key_shows_how_a_name_is_compared(string typed, string key) =>
        Assert.Equal(key, VillageMatcher.ComparisonKey(typed));

    [Fact]
    public void A_match_carries_the_district_and_regency_for_the_confirmation()
    {
        var location = Ntt.Find("Oelnasi")[0].Location;

        Assert.Equal(("Oelnasi", "Kupang Tengah", "Kabupaten Kupang"),
            (location.Village.Name, location.District.Name, location.Regency.Name));
    }

    [Theory]
    [InlineData("Oelnasy")]   // substitution
    [InlineData("Oelnas")]    // deletion
    [InlineData("Oelnassi")]  // insertion
    [InlineData("Oelnais")]   // transposition
    public void One_typo_still_finds_the_village_first_and_confidently(string typed)
    {
        var first = Ntt.Find(typed)[0];

        Assert.Equal(Oelnasi, first.Village.Code);
        Assert.False(first.IsExact);
        Assert.True(first.IsConfident);
        Assert.Equal(1, first.Distance);
        Assert.InRange(first.Score, 0.5, 0.99);
    }

    [Fact]
    public void A_name_used_in_several_districts_lists_them_all_and_is_not_confident()
    {
        var candidates = Ntt.Find("Desa Oinlasi");

        var exact = candidates.Where(c => c.IsExact).ToList();
        Assert.Equal(["53.02.02.2008", "53.02.08.2001", "53.02.10.2009"], exact.Select(c => c.Village.Code));
        Assert.Equal(3, exact.Select(c => c.Location.District.Code).Distinct().Count());
        Assert.DoesNotContain(candidates, c => c.IsConfident);
    }

    [Theory]
    [InlineData("Mata Loko", "53.18.02.2004", "53.09.02.1017")]
    [InlineData("mataloko", "53.09.02.1017", "53.18.02.2004")]
    [InlineData("Muta Loko", "53.18.02.2004", "53.09.02.1017")]
    public void Spacing_decides_between_two_villages_whose_names_differ_only_by_a_space(
        string typed, string first, string second)
    {
        var candidates = Ntt.Find(typed);

        Assert.Equal([first, second], candidates.Take(2).Select(c => c.Village.Code));
        Assert.False(candidates[0].IsConfident);
    }

    [Fact]
    public void Candidates_are_capped_and_best_first()
    {
        var candidates = Ntt.Find("Oela", max: 3);

        Assert.InRange(candidates.Count, 1, 3);
        Assert.Equal(candidates.OrderBy(c => c.Distance).Select(c => c.Village.Code), candidates.Select(c => c.Village.Code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("O")]
    [InlineData("Desa O")]
    [InlineData("5")]
    [InlineData("2")]
    [InlineData("12345")]
    [InlineData("1.500")]
    [InlineData("???!!")]
    [InlineData("🙏🙏🙏")]
    [InlineData("Xqzvwk")]
    public void Junk_input_gives_no_candidates(string? typed) => Assert.Empty(Ntt.Find(typed));

    [Fact]
    public void Very_long_input_is_cut_and_finds_nothing_rather_than_anything()
    {
        Assert.Empty(Ntt.Find(string.Concat(Enumerable.Repeat("Oelnasi ", 5000))));
        Assert.Empty(Ntt.Find(new string('a', 100_000)));
    }

    [Fact]
    public void An_arabic_numeral_reads_as_the_roman_one_in_the_data()
    {
        var first = Ntt.Find("Camplong 2")[0];

        Assert.Equal("Camplong II", first.Village.Name);
        Assert.True(first.IsExact);
    }

    [Fact]
    public void A_village_outside_the_scope_is_not_offered_but_is_recognised_as_outside()
    {
        // Namosain is a kelurahan of Kota Kupang, outside a Kupang-and-Belu scope.
        var matcher = Wilayah.KupangAndBelu;

        Assert.DoesNotContain(matcher.Find("Namosain"), c => c.IsExact);
        var outside = matcher.FindOutsideScope("Kelurahan Namosain");
        Assert.Equal("53.71.01.1001", outside[0].Village.Code);
        Assert.True(outside[0].IsExact);
        Assert.Equal("Kota Kupang", outside[0].Location.Regency.Name);
        Assert.All(matcher.Find("Namosain"), c => Assert.True(matcher.Scope.Contains(c.Village.Code)));
    }

    [Fact]
    public void A_common_name_from_another_province_is_found_outside_and_never_inside()
    {
        Assert.DoesNotContain(Ntt.Find("Sukamaju"), c => c.IsExact);

        var outside = Ntt.FindOutsideScope("Sukamaju", max: 50);

        Assert.Equal(50, outside.Count);
        Assert.All(outside, c => Assert.False(c.Village.Code.StartsWith("53.", StringComparison.Ordinal)));
        Assert.DoesNotContain(outside, c => c.IsConfident);
    }

    [Fact]
    public void Outside_the_scope_only_near_names_count()
    {
        Assert.Empty(Ntt.FindOutsideScope("Oelnasi"));
        Assert.Empty(Ntt.FindOutsideScope("x"));
    }

    [Theory]
    [InlineData("Kupang Tengah")]
    [InlineData("kec. kupang tengah")]
    [InlineData("Kecamatan Kupang Tenggah")]
    [InlineData("kupangtengah")]
    public void A_district_is_found_by_its_name(string typed)
    {
        var first = Wilayah.KupangAndBelu.FindDistricts(typed)[0];

        Assert.Equal("53.01.08", first.District.Code);
        Assert.Equal("Kabupaten Kupang", first.Regency.Name);
        Assert.True(first.IsConfident);
    }

    [Fact]
    public void Districts_outside_the_scope_are_not_offered()
    {
        Assert.DoesNotContain(Wilayah.KupangAndBelu.FindDistricts("Kelapa Lima"), c => c.IsExact);
        Assert.Equal("53.71.03", Ntt.FindDistricts("Kelapa Lima")[0].District.Code);
    }

    [Fact]
    public void Matching_from_many_threads_gives_the_same_answers()
    {
        var names = Wilayah.Catalog.VillagesOf("53.01").Select(v => v.Name).ToArray();
        var expected = names.Select(n => Ntt.Find(n + "x")[0].Village.Code).ToArray();

        var actual = new string[names.Length];
        Parallel.For(0, names.Length, i => actual[i] = Ntt.Find(names[i] + "x")[0].Village.Code);

        Assert.Equal(expected, actual);
    }
}
