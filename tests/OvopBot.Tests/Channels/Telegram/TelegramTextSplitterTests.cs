using OvopBot.Channels.Telegram;

namespace OvopBot.Tests.Channels.Telegram;

public sealed class TelegramTextSplitterTests
{
    [Fact]
    public void A_text_within_the_limit_stays_whole()
    {
        Assert.Equal(["Halo Bapak/Ibu"], TelegramTextSplitter.Split("Halo Bapak/Ibu"));
    }

    [Fact]
    public void A_long_text_is_cut_at_paragraph_boundaries_and_loses_nothing()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => $"Paragraf {i}: " + new string('a', 900)).ToList();
        var text = string.Join("\n\n", paragraphs);

        var parts = TelegramTextSplitter.Split(text);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramTextSplitter.MaxMessageLength));
        Assert.All(parts, p => Assert.StartsWith("Paragraf ", p, StringComparison.Ordinal));
        Assert.Equal(paragraphs, parts.SelectMany(p => p.Split("\n\n")));
    }

    [Fact]
    public void A_paragraph_longer_than_the_limit_is_cut_between_words()
    {
        var text = string.Join(' ', Enumerable.Repeat("kopi", 2000));

        var parts = TelegramTextSplitter.Split(text);

        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.True(p.Length <= 4096 && !p.StartsWith(' ') && !p.EndsWith(' ')));
        Assert.Equal(text, string.Join(' ', parts));
    }

    [Fact]
    public void A_cut_never_splits_an_emoji_in_half()
    {
        var text = new string('x', 4095) + "😀" + new string('y', 10);

        var parts = TelegramTextSplitter.Split(text);

        Assert.Equal(new string('x', 4095), parts[0]);
        Assert.Equal("😀" + new string('y', 10), parts[1]);
    }
}
