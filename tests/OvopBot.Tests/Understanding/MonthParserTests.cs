using OvopBot.Understanding;

namespace OvopBot.Tests.Understanding;

public sealed class MonthParserTests
{
    [Theory]
    [InlineData("Januari", "1")]
    [InlineData("jan", "1")]
    [InlineData("Agt", "8")]
    [InlineData("Agu", "8")]
    [InlineData("Agustus", "8")]
    [InlineData("August", "8")]
    [InlineData("agutsus", "8")]
    [InlineData("Agustu", "8")]
    [InlineData("Febuari", "2")]
    [InlineData("nopember", "11")]
    [InlineData("Des.", "12")]
    [InlineData("bulan 6", "6")]
    [InlineData("bln 6", "6")]
    [InlineData("6", "6")]
    [InlineData("bulan enam", "6")]
    [InlineData("Juni - Agustus", "6,7,8")]
    [InlineData("Juni-Agustus", "6,7,8")]
    [InlineData("juni sampai agustus", "6,7,8")]
    [InlineData("dari juni sampai agustus", "6,7,8")]
    [InlineData("Juni s/d Agustus", "6,7,8")]
    [InlineData("juni sd agustus", "6,7,8")]
    [InlineData("antara Juni dan Agustus", "6,7,8")]
    [InlineData("June to August", "6,7,8")]
    [InlineData("Nov-Feb", "1,2,11,12")]
    [InlineData("Nov - Feb", "1,2,11,12")]
    [InlineData("6-8", "6,7,8")]
    [InlineData("Jan, Mar dan Mei", "1,3,5")]
    [InlineData("jan mar mei", "1,3,5")]
    [InlineData("Mei, Jan", "1,5")]
    [InlineData("jan, jan", "1")]
    [InlineData("Maret-Mei dan Sep-Okt", "3,4,5,9,10")]
    [InlineData("sepanjang tahun", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("Setiap bulan", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("semua bulan", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("all year", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("12 bulan", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("Januari - Desember", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("bulan 12", "12")]
    [InlineData("- Juni", "6")]
    public void ParseMonths_reads_names_numbers_ranges_and_lists(string text, string expected)
    {
        var expectedMonths = expected.Split(',').Select(int.Parse).ToArray();
        Assert.Equal(expectedMonths, MonthParser.ParseMonths(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("kadang-kadang")]
    [InlineData("musim hujan")]
    [InlineData("13")]
    [InlineData("0")]
    [InlineData("juni sampai")]
    [InlineData("sampai juni")]
    [InlineData("juni - - agustus")]
    [InlineData("juni dan kopi")]
    [InlineData("jum")]
    public void ParseMonths_returns_null_when_unclear(string text)
    {
        Assert.Null(MonthParser.ParseMonths(text));
    }

    [Theory]
    [InlineData("Juni", 6)]
    [InlineData("bulan 6", 6)]
    [InlineData("agst", 8)]
    [InlineData("Oktober", 10)]
    public void ParseMonth_reads_exactly_one_month(string text, int expected)
    {
        Assert.Equal(expected, MonthParser.ParseMonth(text));
    }

    [Theory]
    [InlineData("Juni - Agustus")]
    [InlineData("jan, mar")]
    [InlineData("sepanjang tahun")]
    [InlineData("")]
    public void ParseMonth_returns_null_unless_exactly_one_month(string text)
    {
        Assert.Null(MonthParser.ParseMonth(text));
    }
}
