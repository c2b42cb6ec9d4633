using OvopBot.Understanding;

namespace OvopBot.Tests.Understanding;

/// <summary>Every form of the local speech table (src/OvopBot/Understanding/local-speech.yaml) is understood as the table says.</summary>
public sealed class LocalSpeechTests
{
    private static LocalSpeech.Table Table => LocalSpeech.Entries;

    [Fact]
    public void Every_form_says_where_it_comes_from()
    {
        var all = Table.Unknown.Concat(Table.None).Concat(Table.No).Concat(Table.Yes).Concat(Table.Fillers).Concat(Table.Seasons).Concat(Table.Numbers).ToList();
        Assert.True(all.Count > 40);
        Assert.All(all, e => Assert.False(string.IsNullOrWhiteSpace(e.From), $"'{e.Form}' has no source"));
    }

    [Fact]
    public void I_do_not_know_in_every_form_is_unknown_and_not_none()
    {
        Assert.All(Table.Unknown, e =>
        {
            Assert.True(LocalSpeech.IsUnknown(e.Form), e.Form);
            Assert.True(LocalSpeech.IsUnknown(e.Form.ToUpperInvariant() + "."), e.Form);
            Assert.False(LocalSpeech.IsNone(e.Form), e.Form);
        });
    }

    [Fact]
    public void There_is_none_in_every_form_is_none_and_not_unknown()
    {
        Assert.All(Table.None, e =>
        {
            Assert.True(LocalSpeech.IsNone(e.Form), e.Form);
            Assert.False(LocalSpeech.IsUnknown(e.Form), e.Form);
        });
    }

    [Fact]
    public void Local_no_and_yes_are_understood()
    {
        Assert.All(Table.No, e => Assert.Equal(false, YesNoParser.Parse(e.Form)));
        Assert.All(Table.Yes, e => Assert.Equal(true, YesNoParser.Parse(e.Form)));
        Assert.Equal(false, YesNoParser.Parse("sonde setuju"));
        Assert.Equal(true, YesNoParser.Parse("iyo beta setuju"));
    }

    [Fact]
    public void Seasons_name_their_months()
    {
        Assert.All(Table.Seasons, e => Assert.Equal(e.Months, LocalSpeech.Season(e.Form)));
        Assert.Null(LocalSpeech.Season("musim"));
    }

    [Fact]
    public void Se_number_words_are_numbers()
    {
        Assert.All(Table.Numbers, e =>
        {
            Assert.True(NumberParser.TryParse(e.Form, out var value), e.Form);
            Assert.Equal(e.Value, value);
        });
    }

    [Theory]
    [InlineData("tahu tempe")]
    [InlineData("ada")]
    [InlineData("tidak")]
    [InlineData("kosongkan saja")]
    public void Other_answers_are_neither_unknown_nor_none(string text)
    {
        Assert.False(LocalSpeech.IsUnknown(text));
        Assert.False(LocalSpeech.IsNone(text));
    }
}
