using OvopBot.Channels.WhatsApp;

namespace OvopBot.Tests.Channels.WhatsApp;

public sealed class WhatsAppTextTests
{
    [Fact]
    public void A_label_that_fits_is_kept_as_is() =>
        Assert.Equal("1. Ya", WhatsAppText.Numbered(1, "Ya", 20));

    [Fact]
    public void A_long_label_keeps_its_number_and_is_cut_on_a_word_with_an_ellipsis()
    {
        var title = WhatsAppText.Numbered(3, "Hasil hutan (misalnya madu)", 20);

        Assert.Equal("3. Hasil hutan…", title);
        Assert.True(title.Length <= 20);
    }

    [Fact]
    public void A_label_already_numbered_is_not_numbered_twice() =>
        Assert.Equal("2. Tidak", WhatsAppText.Numbered(2, "2. Tidak", 20));

    [Fact]
    public void A_single_long_word_is_cut_inside_the_word_rather_than_lost() =>
        Assert.Equal("10. Pengolahanmakan…", WhatsAppText.Numbered(10, "Pengolahanmakanansederhana", 20));

    [Fact]
    public void Line_breaks_and_runs_of_spaces_become_single_spaces() =>
        Assert.Equal("Tenun ikat Sumba", WhatsAppText.Shorten("Tenun\n  ikat\tSumba", 24));

    [Fact]
    public void A_cut_never_splits_an_emoji()
    {
        var shortened = WhatsAppText.Shorten("abcdefghijklmnopqrs😀xyz", 21);

        Assert.False(char.IsHighSurrogate(shortened[^2]));
        Assert.True(shortened.Length <= 21);
    }

    [Fact]
    public void Every_shortened_title_fits_whatever_the_label()
    {
        var labels = new[]
        {
            "Pertanian", "Perkebunan (mis. kopi, kakao, kemiri, vanili)", "Peternakan sapi, babi dan ayam kampung",
            "Perikanan / rumput laut", "Tenun ikat & kerajinan tangan", "a b c d e f g h i j k l m n o p q r s t",
            new string('x', 300), "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
        };
        foreach (var max in new[] { 20, 24, 72 })
        {
            for (var n = 1; n <= 10; n++)
            {
                foreach (var label in labels)
                {
                    var title = WhatsAppText.Numbered(n, label, max);
                    Assert.InRange(title.Length, 1, max);
                    Assert.StartsWith($"{n}. ", title, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void A_long_text_is_split_on_paragraphs_into_parts_that_fit()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("Pendaftaran produk unggulan desa.", 40));
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 5));

        var parts = WhatsAppText.Split(text, 4096);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= 4096));
        Assert.All(parts, p => Assert.EndsWith("desa.", p, StringComparison.Ordinal));
        Assert.Equal(text.Replace("\n\n", "", StringComparison.Ordinal),
            string.Concat(parts).Replace("\n\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_without_breaks_is_still_split_within_the_limit()
    {
        var parts = WhatsAppText.Split(new string('x', 9000), 4096);

        Assert.Equal([4096, 4096, 808], parts.Select(p => p.Length));
    }

    [Fact]
    public void A_short_text_is_one_part() =>
        Assert.Equal(["Terima kasih"], WhatsAppText.Split("Terima kasih", 4096));
}
