using OvopBot.Understanding;

namespace OvopBot.Tests.Understanding;

public sealed class MoneyParserTests
{
    [Theory]
    [InlineData("Rp 10.000.000", 10_000_000)]
    [InlineData("Rp10.000.000", 10_000_000)]
    [InlineData("Rp. 10.000.000", 10_000_000)]
    [InlineData("rp.10.000.000,-", 10_000_000)]
    [InlineData("10.000.000,-", 10_000_000)]
    [InlineData("10.000.000", 10_000_000)]
    [InlineData("10000000", 10_000_000)]
    [InlineData("Rp10jt", 10_000_000)]
    [InlineData("10jt", 10_000_000)]
    [InlineData("10 juta", 10_000_000)]
    [InlineData("10 JUTA", 10_000_000)]
    [InlineData("10 juta rupiah", 10_000_000)]
    [InlineData("2,5 jt", 2_500_000)]
    [InlineData("2.5 juta", 2_500_000)]
    [InlineData("2,75 jt", 2_750_000)]
    [InlineData("500rb", 500_000)]
    [InlineData("500 ribu", 500_000)]
    [InlineData("500 rebu", 500_000)]
    [InlineData("500k", 500_000)]
    [InlineData("500K", 500_000)]
    [InlineData("1,5 M", 1_500_000_000)]
    [InlineData("1,5 miliar", 1_500_000_000)]
    [InlineData("1,5 milyar", 1_500_000_000)]
    [InlineData("Rp 2.500.000,00", 2_500_000)]
    [InlineData("Rp 2.500.000,50", 2_500_001)]
    [InlineData("Rp 2.500.000,49", 2_500_000)]
    [InlineData("dua juta", 2_000_000)]
    [InlineData("Dua Juta Rupiah", 2_000_000)]
    [InlineData("lima ratus ribu", 500_000)]
    [InlineData("satu juta lima ratus ribu", 1_500_000)]
    [InlineData("setengah juta", 500_000)]
    [InlineData("dua setengah juta", 2_500_000)]
    [InlineData("1 setengah juta", 1_500_000)]
    [InlineData("IDR 5 juta", 5_000_000)]
    [InlineData("idr 5.000.000", 5_000_000)]
    [InlineData("1 juta 500 ribu", 1_500_000)]
    [InlineData("2 jt 750 rb", 2_750_000)]
    [InlineData("sekitar 10 juta", 10_000_000)]
    [InlineData("kurang lebih Rp 5 juta", 5_000_000)]
    [InlineData("± 5jt", 5_000_000)]
    [InlineData("Rp 5 juta saja", 5_000_000)]
    [InlineData("1.500", 1_500)]
    [InlineData("1,500", 1_500)]
    [InlineData("0", 0)]
    [InlineData("0,5", 1)]
    public void TryParse_reads_rupiah_in_the_ways_people_write_it(string text, long expected)
    {
        Assert.True(MoneyParser.TryParse(text, out var rupiah));
        Assert.Equal(expected, rupiah);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Rp")]
    [InlineData("abc")]
    [InlineData("banyak sekali")]
    [InlineData("-500000")]
    [InlineData("Rp -500.000")]
    [InlineData("minus 5 juta")]
    [InlineData("5 atau 10 juta")]
    [InlineData("5-10 juta")]
    [InlineData("500 ribu 2 juta")]
    [InlineData("500 1000")]
    [InlineData("10 juta untuk mesin")]
    [InlineData("1.2.3,4,5")]
    [InlineData("juta")]
    [InlineData("99999999999999999999")]
    [InlineData("2 juta juta")]
    public void TryParse_rejects_negatives_empty_answers_and_nonsense(string text)
    {
        Assert.False(MoneyParser.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "Rp 0")]
    [InlineData(500, "Rp 500")]
    [InlineData(2_500_000, "Rp 2.500.000")]
    [InlineData(1_500_000_000, "Rp 1.500.000.000")]
    public void Format_writes_indonesian_style_with_dots_between_thousands(long rupiah, string expected)
    {
        Assert.Equal(expected, MoneyParser.Format(rupiah));
    }

    [Fact]
    public void Format_rounds_to_whole_rupiah_half_up()
    {
        Assert.Equal("Rp 1.001", MoneyParser.Format(1000.5m));
        Assert.Equal("Rp 1.000", MoneyParser.Format(1000.49m));
    }
}
