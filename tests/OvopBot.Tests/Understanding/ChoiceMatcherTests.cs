using OvopBot.Understanding;

namespace OvopBot.Tests.Understanding;

public sealed class ChoiceMatcherTests
{
    private static readonly ChoiceCandidate[] Categories =
    [
        new("farming", ["Pertanian", "Farming"]),
        new("plantation", ["Kopi (perkebunan)", "Plantation (coffee)"]),
        new("livestock", ["Peternakan", "Livestock"]),
        new("fishery", ["Perikanan / rumput laut", "Fishery / seaweed"]),
        new("weaving", ["Tenun ikat / kerajinan", "Weaving / craft"]),
        new("forest", ["Madu hutan", "Forest honey"]),
        new("food", ["Olahan pangan", "Processed food"]),
    ];

    private static readonly ChoiceCandidate[] Challenges =
    [
        new("processing", ["Pengolahan", "Processing"]),
        new("packaging", ["Kemasan", "Packaging"]),
        new("marketing", ["Pemasaran", "Marketing"]),
        new("capital", ["Modal", "Capital"]),
        new("permits", ["Izin (P-IRT / halal / BPOM)", "Permits"]),
    ];

    private static readonly ChoiceCandidate[] Coffee =
    [
        new("beans", ["Kopi biji"]),
        new("ground", ["Kopi bubuk"]),
        new("other", ["Lainnya"]),
    ];

    [Theory]
    [InlineData("2", "plantation")]
    [InlineData("2.", "plantation")]
    [InlineData("2)", "plantation")]
    [InlineData("(2)", "plantation")]
    [InlineData(" 2 ", "plantation")]
    [InlineData("#2", "plantation")]
    [InlineData("no 2", "plantation")]
    [InlineData("No. 2", "plantation")]
    [InlineData("nomor 2", "plantation")]
    [InlineData("pilihan 2", "plantation")]
    [InlineData("dua", "plantation")]
    [InlineData("Kedua", "plantation")]
    [InlineData("ke-2", "plantation")]
    [InlineData("ke 2", "plantation")]
    [InlineData("tujuh", "food")]
    [InlineData("plantation", "plantation")]
    [InlineData("Kopi (perkebunan)", "plantation")]
    [InlineData("kopi perkebunan", "plantation")]
    [InlineData("KOPI PERKEBUNAN!", "plantation")]
    [InlineData("Plantation (coffee)", "plantation")]
    [InlineData("pertanian", "farming")]
    [InlineData("Farming", "farming")]
    [InlineData("Madu Hutan", "forest")]
    [InlineData("2. Kopi (perkebunan)", "plantation")]
    [InlineData("6 madu hutan", "forest")]
    [InlineData("6 madu", "forest")]
    public void Match_is_exact_for_the_number_key_or_label(string text, string key)
    {
        var match = ChoiceMatcher.Match(text, Categories);
        Assert.Equal(ChoiceMatchKind.Exact, match.Kind);
        Assert.Equal([key], match.Keys);
    }

    [Theory]
    [InlineData("kopi", "plantation")]
    [InlineData("Kopi", "plantation")]
    [InlineData("perkebunan", "plantation")]
    [InlineData("pertanin", "farming")]
    [InlineData("pertanain", "farming")]
    [InlineData("peternakn", "livestock")]
    [InlineData("madu", "forest")]
    [InlineData("mdu hutan", "forest")]
    [InlineData("tenun", "weaving")]
    [InlineData("tenun ikat", "weaving")]
    [InlineData("ikat", "weaving")]
    [InlineData("rumput laut", "fishery")]
    [InlineData("rumput", "fishery")]
    [InlineData("seaweed", "fishery")]
    [InlineData("honey", "forest")]
    [InlineData("olahan", "food")]
    [InlineData("olah", "food")]
    [InlineData("3 saja", "livestock")]
    public void Match_is_probable_for_one_near_miss_or_a_word_of_one_label(string text, string key)
    {
        var match = ChoiceMatcher.Match(text, Categories);
        Assert.Equal(ChoiceMatchKind.Probable, match.Kind);
        Assert.Equal([key], match.Keys);
    }

    [Theory]
    [InlineData("kopi", "beans,ground")]
    [InlineData("kopi bij", "beans")]
    [InlineData("kopi bubk", "ground")]
    public void Match_on_coffee_options_tells_apart_ties_and_typos(string text, string keys)
    {
        var match = ChoiceMatcher.Match(text, Coffee);
        var expected = keys.Split(',');
        Assert.Equal(expected.Length == 1 ? ChoiceMatchKind.Probable : ChoiceMatchKind.Ambiguous, match.Kind);
        Assert.Equal(expected, match.Keys);
    }

    [Theory]
    [InlineData("1 madu hutan", "farming,forest")]
    [InlineData("2 tenun", "plantation,weaving")]
    [InlineData("1 atau 3", "farming,livestock")]
    [InlineData("pe", null)]
    public void Match_is_ambiguous_when_the_number_and_the_label_disagree(string text, string? keys)
    {
        var match = ChoiceMatcher.Match(text, Categories);
        if (keys is null)
        {
            Assert.NotEqual(ChoiceMatchKind.Exact, match.Kind);
            return;
        }

        Assert.Equal(ChoiceMatchKind.Ambiguous, match.Kind);
        Assert.Equal(keys.Split(','), match.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("99")]
    [InlineData("delapan")]
    [InlineData("no 9")]
    [InlineData("pariwisata")]
    [InlineData("xyz")]
    [InlineData("dan")]
    [InlineData("?")]
    public void Match_finds_nothing_for_unrelated_text_or_a_number_out_of_range(string text)
    {
        var match = ChoiceMatcher.Match(text, Categories);
        Assert.Equal(ChoiceMatchKind.None, match.Kind);
        Assert.Empty(match.Keys);
    }

    [Theory]
    [InlineData("1,3", "processing,marketing")]
    [InlineData("1, 3", "processing,marketing")]
    [InlineData("3,1", "processing,marketing")]
    [InlineData("1.3", "processing,marketing")]
    [InlineData("1. 3. 5.", "processing,marketing,permits")]
    [InlineData("1 dan 3", "processing,marketing")]
    [InlineData("1 & 3", "processing,marketing")]
    [InlineData("1 3", "processing,marketing")]
    [InlineData("1/3", "processing,marketing")]
    [InlineData("1;3;3", "processing,marketing")]
    [InlineData("1-3", "processing,packaging,marketing")]
    [InlineData("1 - 3", "processing,packaging,marketing")]
    [InlineData("1 sampai 3", "processing,packaging,marketing")]
    [InlineData("1 s/d 3", "processing,packaging,marketing")]
    [InlineData("1-3, 5", "processing,packaging,marketing,permits")]
    [InlineData("2", "packaging")]
    [InlineData("dua dan empat", "packaging,capital")]
    [InlineData("semua", "processing,packaging,marketing,capital,permits")]
    [InlineData("Semuanya", "processing,packaging,marketing,capital,permits")]
    [InlineData("all", "processing,packaging,marketing,capital,permits")]
    [InlineData("modal, pemasaran", "marketing,capital")]
    [InlineData("modal dan pemasaran", "marketing,capital")]
    [InlineData("kemasan dan modl", "packaging,capital")]
    [InlineData("Izin (P-IRT / halal / BPOM)", "permits")]
    [InlineData("izin dan 1", "processing,permits")]
    public void MatchMany_reads_lists_ranges_and_all(string text, string keys)
    {
        Assert.Equal(keys.Split(','), ChoiceMatcher.MatchMany(text, Challenges));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1, 9")]
    [InlineData("0-2")]
    [InlineData("3-1")]
    [InlineData("1 dan xyz")]
    [InlineData("modal dan uang")]
    [InlineData("1 atau 3")]
    [InlineData(",")]
    public void MatchMany_returns_null_when_any_part_is_unclear(string text)
    {
        Assert.Null(ChoiceMatcher.MatchMany(text, Challenges));
    }
}
