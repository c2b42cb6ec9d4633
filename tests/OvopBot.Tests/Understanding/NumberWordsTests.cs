using OvopBot.Understanding;

namespace OvopBot.Tests.Understanding;

public sealed class NumberWordsTests
{
    [Theory]
    [InlineData("nol", 0)]
    [InlineData("satu", 1)]
    [InlineData("Dua", 2)]
    [InlineData("TIGA", 3)]
    [InlineData("sembilan", 9)]
    [InlineData("sepuluh", 10)]
    [InlineData("sebelas", 11)]
    [InlineData("dua belas", 12)]
    [InlineData("duabelas", 12)]
    [InlineData("sembilan belas", 19)]
    [InlineData("dua puluh", 20)]
    [InlineData("duapuluh", 20)]
    [InlineData("dua puluh lima", 25)]
    [InlineData("duapuluhlima", 25)]
    [InlineData("seratus", 100)]
    [InlineData("seratus lima", 105)]
    [InlineData("seratus dua puluh tiga", 123)]
    [InlineData("dua ratus", 200)]
    [InlineData("limaratus", 500)]
    [InlineData("seribu", 1000)]
    [InlineData("seribu lima ratus", 1500)]
    [InlineData("dua ribu", 2000)]
    [InlineData("lima puluh ribu", 50_000)]
    [InlineData("seratus ribu", 100_000)]
    [InlineData("dua ratus lima puluh ribu", 250_000)]
    [InlineData("satu juta", 1_000_000)]
    [InlineData("sejuta", 1_000_000)]
    [InlineData("dua juta lima ratus ribu", 2_500_000)]
    [InlineData("satu miliar", 1_000_000_000)]
    [InlineData("pertama", 1)]
    [InlineData("kesatu", 1)]
    [InlineData("kedua", 2)]
    [InlineData("ke dua", 2)]
    [InlineData("ke-tiga", 3)]
    [InlineData("kelima", 5)]
    [InlineData("kesepuluh", 10)]
    [InlineData("kesebelas", 11)]
    [InlineData("Satu!", 1)]
    [InlineData("one", 1)]
    [InlineData("ten", 10)]
    [InlineData("twelve", 12)]
    [InlineData("twenty", 20)]
    [InlineData("twenty-five", 25)]
    [InlineData("twenty five", 25)]
    [InlineData("a hundred", 100)]
    [InlineData("one hundred and five", 105)]
    [InlineData("two thousand", 2000)]
    [InlineData("first", 1)]
    [InlineData("second", 2)]
    [InlineData("tenth", 10)]
    public void TryParse_reads_indonesian_and_english_number_words(string text, int expected)
    {
        Assert.True(NumberWords.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12")]
    [InlineData("kopi")]
    [InlineData("dua tiga")]
    [InlineData("satu dua")]
    [InlineData("lima ribu dua juta")]
    [InlineData("dua puluh kopi")]
    [InlineData("puluh")]
    [InlineData("belas")]
    [InlineData("ratus")]
    [InlineData("ke")]
    [InlineData("kenol")]
    [InlineData("kelompok")]
    [InlineData("tigaa")]
    [InlineData("and")]
    [InlineData("a")]
    [InlineData("sepuluh dua")]
    [InlineData("ten one")]
    public void TryParse_rejects_text_that_is_not_exactly_one_number(string text)
    {
        Assert.False(NumberWords.TryParse(text, out _));
    }
}
