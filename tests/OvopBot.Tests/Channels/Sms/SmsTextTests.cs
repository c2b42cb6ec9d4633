using OvopBot.Channels.Sms;

namespace OvopBot.Tests.Channels.Sms;

/// <summary>GSM-7 plain text and part counting, with examples and seeded random texts (properties).</summary>
public sealed class SmsTextTests
{
    [Theory]
    [InlineData("“Kopi” – enak… ‘ya’", "\"Kopi\" - enak... 'ya'")]
    [InlineData("Terima kasih 🙏 Bapak", "Terima kasih Bapak")]
    [InlineData("Harga\u00A0Rp 10.000 • murah", "Harga Rp 10.000 - murah")]
    [InlineData("Kafé Sehat — 2×", "Kafé Sehat - 2x")]
    [InlineData("Dusun Ólé", "Dusun Olé")]
    [InlineData("👍", "")]
    public void Typography_and_emoji_become_plain_GSM_text(string input, string expected)
    {
        Assert.Equal(expected, SmsText.ToGsm(input));
        Assert.True(SmsText.IsGsm(SmsText.ToGsm(input)));
    }

    [Theory]
    [InlineData(0, 'a', 1)]
    [InlineData(160, 'a', 1)]
    [InlineData(161, 'a', 2)]
    [InlineData(306, 'a', 2)]
    [InlineData(307, 'a', 3)]
    [InlineData(459, 'a', 3)]
    [InlineData(460, 'a', 4)]
    [InlineData(80, '{', 1)]
    [InlineData(81, '{', 2)]
    [InlineData(70, 'ж', 1)]
    [InlineData(71, 'ж', 2)]
    [InlineData(134, 'ж', 2)]
    [InlineData(135, 'ж', 3)]
    public void Parts_follow_160_153_for_GSM_and_70_67_for_UCS2_and_extension_characters_cost_two(int length, char c, int parts) =>
        Assert.Equal(parts, SmsText.Segments(new string(c, length)));

    [Fact]
    public void Any_text_made_plain_is_GSM_unless_another_script_and_split_into_messages_of_at_most_the_allowed_parts_losing_nothing()
    {
        var random = new Random(16);
        const string Pool = "abc XYZ 0123 .,-\n“”‘’–—…•\u00A0éáñ{}[]€😀🙏👍ж";
        for (var run = 0; run < 500; run++)
        {
            var length = random.Next(0, 1500);
            var text = new string(Enumerable.Range(0, length).Select(_ => Pool[random.Next(Pool.Length)]).ToArray());
            // Never leave half a surrogate pair from the pool's emoji.
            text = string.Concat(text.EnumerateRunes().Select(r => r.ToString()));
            var plain = SmsText.ToGsm(text);
            var maxParts = random.Next(1, 4);
            // Another script (Cyrillic here) has no GSM-7 form: it stays, and the message goes as UCS-2.
            Assert.Equal(!text.Contains('ж', StringComparison.Ordinal), SmsText.IsGsm(plain));
            var messages = SmsText.Split(plain, maxParts);
            Assert.All(messages, m => Assert.InRange(SmsText.Segments(m), 1, maxParts));
            // Cuts fall between words where a word boundary is near; only the whitespace at a cut goes.
            Assert.Equal(string.Concat(Words(plain)), string.Concat(messages.SelectMany(Words)));
        }
    }

    [Fact]
    public void Splitting_prefers_line_breaks_so_a_numbered_option_is_never_cut_in_half()
    {
        var options = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"{i}. Pilihan nomor {i}"));
        var messages = SmsText.Split(options, 1);
        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.All(m.Split('\n'), line => Assert.Matches(@"^\d+\. Pilihan nomor \d+$", line)));
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
}
