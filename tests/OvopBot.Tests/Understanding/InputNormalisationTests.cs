using OvopBot.Flows.Answers;
using OvopBot.Understanding;

namespace OvopBot.Tests.Understanding;

/// <summary>The inputs of issue 11 that threw: digits of other scripts, full-width forms, numbers too large.</summary>
public sealed class InputNormalisationTests
{
    private static readonly ChoiceCandidate[] Options =
        [.. new[] { "Modal", "Pemasaran", "Bahan baku", "Tenaga kerja" }.Select((label, i) => new ChoiceCandidate($"k{i + 1}", [label]))];

    [Theory]
    [InlineData("１-３", "1-3")]
    [InlineData("٣", "3")]
    [InlineData("۱۲", "12")]
    [InlineData("१२३", "123")]
    [InlineData("๑๒๓", "123")]
    [InlineData("１０.５, １２３.４", "10.5, 123.4")]
    [InlineData("10。5、123。4", "10.5,123.4")]
    [InlineData("−10.17", "-10.17")]
    [InlineData("ｋｏｐｉ", "kopi")]
    public void Typed_text_is_normalised_once_at_the_boundary(string typed, string expected) =>
        Assert.Equal(expected, TextCleaner.Clean(typed));

    [Fact]
    public void Broken_surrogates_and_U_FFFE_are_dropped() =>
        Assert.Equal("abc", TextCleaner.Clean("a" + (char)0xD800 + "b" + (char)0xFFFE + "c")); // built at run time: attributes cannot hold them

    [Theory]
    [InlineData("１-３")]
    [InlineData("١-٣")]
    [InlineData("１,２,３")]
    public void Several_choices_in_any_script_are_understood(string typed) =>
        Assert.Equal(["k1", "k2", "k3"], ChoiceMatcher.MatchMany(typed, Options));

    [Fact]
    public void Coordinates_in_full_width_digits_are_read() =>
        Assert.Equal(new OvopBot.Channels.Abstractions.GeoPoint(10.5, 123.4), LocationInterpreter.ParseTyped("１０.５, １２３.４"));

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("1e309")]
    [InlineData("Rp 999999999999999999999")]
    [InlineData("99999999999999999999 miliar")]
    [InlineData("٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩")]
    public void Numbers_too_large_for_any_answer_are_recognised_without_throwing(string typed)
    {
        Assert.True(NumberParser.TooLarge(typed));
        Assert.False(MoneyParser.TryParse(typed, out _));
    }

    [Theory]
    [InlineData("1.500")]
    [InlineData("Rp 25 juta")]
    [InlineData("0812 3456 7890")]
    public void Ordinary_numbers_are_not_too_large(string typed) => Assert.False(NumberParser.TooLarge(typed));
}
