using OvopBot.Understanding;

namespace OvopBot.Tests.Understanding;

public sealed class TextCleanerTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("Desa Oelnasi", "Desa Oelnasi")]
    [InlineData("  Desa   Oelnasi  ", "Desa Oelnasi")]
    [InlineData("Kopi\r\nArabika", "Kopi Arabika")]
    [InlineData("Kopi\tArabika\n", "Kopi Arabika")]
    [InlineData("Kopi\u00A0Arabika", "Kopi Arabika")]
    [InlineData("\uFEFFya", "ya")]
    [InlineData("y\u200Ba", "ya")]
    [InlineData("\u200Eya\u200F", "ya")]
    [InlineData("ya\u0007", "ya")]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("madu 🍯", "madu 🍯")]
    public void Clean_removes_what_the_phone_added_and_keeps_what_the_person_typed(string? raw, string expected)
    {
        Assert.Equal(expected, TextCleaner.Clean(raw));
    }

    [Fact]
    public void Clean_returns_the_same_instance_when_nothing_changes()
    {
        const string text = "Desa Oelnasi";
        Assert.Same(text, TextCleaner.Clean(text));
    }

    [Theory]
    [InlineData("Ya!!", "ya")]
    [InlineData("  YA  ", "ya")]
    [InlineData("(2)", "2")]
    [InlineData("2.", "2")]
    [InlineData("Oke 👍", "oke")]
    [InlineData("\"Tidak\"", "tidak")]
    [InlineData("Café", "cafe")]
    [InlineData("Kopi (perkebunan)", "kopi (perkebunan")]
    [InlineData("no. 2", "no. 2")]
    [InlineData("1,3", "1,3")]
    [InlineData("INDAH", "indah")]
    [InlineData("...", "")]
    [InlineData("", "")]
    public void Fold_lowers_removes_accents_and_trims_punctuation_at_the_ends(string text, string expected)
    {
        Assert.Equal(expected, TextCleaner.Fold(text));
    }
}
