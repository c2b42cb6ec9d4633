using OvopBot.Understanding;

namespace OvopBot.Tests.Understanding;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("12", "12")]
    [InlineData(" 12 ", "12")]
    [InlineData("0", "0")]
    [InlineData("1.500", "1500")]
    [InlineData("1.500.000", "1500000")]
    [InlineData("1,500", "1500")]
    [InlineData("1,500,000", "1500000")]
    [InlineData("2,5", "2.5")]
    [InlineData("2.5", "2.5")]
    [InlineData("1.5", "1.5")]
    [InlineData("1,25", "1.25")]
    [InlineData("1.2500", "1.25")]
    [InlineData("0,500", "0.5")]
    [InlineData("0.500", "0.5")]
    [InlineData("1.500,75", "1500.75")]
    [InlineData("1,500.75", "1500.75")]
    [InlineData("12.345.678,9", "12345678.9")]
    [InlineData("20.", "20")]
    [InlineData("± 20", "20")]
    [InlineData("±20", "20")]
    [InlineData("+- 20", "20")]
    [InlineData("+/- 20", "20")]
    [InlineData("~20", "20")]
    [InlineData("kira-kira 30", "30")]
    [InlineData("kira kira 30", "30")]
    [InlineData("kira2 30", "30")]
    [InlineData("Kurang lebih 25 orang", "25")]
    [InlineData("kl. 25", "25")]
    [InlineData("sekitar 40 orang", "40")]
    [InlineData("Sekitar 2 orang", "2")]
    [InlineData("rata-rata 15 kg", "15")]
    [InlineData("20 kg", "20")]
    [InlineData("20kg", "20")]
    [InlineData("20 kg/bulan", "20")]
    [InlineData("500 liter per bulan", "500")]
    [InlineData("50an", "50")]
    [InlineData("50-an orang", "50")]
    [InlineData("2 ribu", "2000")]
    [InlineData("1,5 juta", "1500000")]
    [InlineData("2 rb pohon", "2000")]
    [InlineData("lima puluh", "50")]
    [InlineData("dua puluh lima orang", "25")]
    [InlineData("sekitar seratus", "100")]
    [InlineData("twenty-five", "25")]
    [InlineData("-5", "-5")]
    [InlineData("20 orang, terima kasih", "20")]
    public void TryParse_reads_one_number_from_sloppy_answers(string text, string expected)
    {
        Assert.True(NumberParser.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("banyak")]
    [InlineData("1.2.3,4,5")]
    [InlineData("1.50.0")]
    [InlineData("1.5.00")]
    [InlineData("1,2,3.4.5")]
    [InlineData("20 atau 30")]
    [InlineData("20-30")]
    [InlineData("20 - 30 orang")]
    [InlineData("20 sampai tiga puluh")]
    [InlineData("20 kg per 2 bulan")]
    [InlineData("dua tiga")]
    [InlineData("1 3")]
    [InlineData("no 5")]
    [InlineData("±")]
    [InlineData("sekitar")]
    [InlineData("kg 20")]
    public void TryParse_rejects_nonsense_and_answers_with_two_numbers(string text)
    {
        Assert.False(NumberParser.TryParse(text, out _));
    }
}
