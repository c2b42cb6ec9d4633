using System.Globalization;
using System.Text;

namespace OvopBot.Channels.Sms;

/// <summary>
/// What an SMS costs and how to keep it cheap. Bahasa Indonesia is plain ASCII, but one curly quote, dash, "…" or
/// emoji switches the whole message to UCS-2 (70 characters a part instead of 160), so <see cref="ToGsm"/> replaces
/// them first. <see cref="Segments"/> then counts parts as phones split them: GSM-7 fits 160 septets in one SMS or
/// 153 per part, with the extension characters (<c>^ { } \ [ ] ~ | €</c>) costing two; anything outside GSM-7 makes
/// the message UCS-2: 70 UTF-16 units in one SMS or 67 per part.
/// </summary>
public static class SmsText
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[]~|€\f";

    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['\u2018'] = "'", ['\u2019'] = "'", ['\u201A'] = "'", ['\u201B'] = "'", ['\u2032'] = "'", ['`'] = "'",
        ['\u201C'] = "\"", ['\u201D'] = "\"", ['\u201E'] = "\"", ['\u00AB'] = "\"", ['\u00BB'] = "\"",
        ['\u2013'] = "-", ['\u2014'] = "-", ['\u2012'] = "-", ['\u2212'] = "-", ['\u2010'] = "-", ['\u2011'] = "-",
        ['\u2026'] = "...", ['\u2022'] = "-", ['\u00B7'] = "-", ['\u25CF'] = "-", ['\u25AA'] = "-",
        ['\u00A0'] = " ", ['\u2007'] = " ", ['\u202F'] = " ", ['\u2009'] = " ", ['\t'] = " ",
        ['\u00D7'] = "x", ['\u00B0'] = " derajat", ['\u00B2'] = "2", ['\u00BD'] = "1/2", ['\u00A9'] = "(c)",
        ['\u00AE'] = "(R)", ['\u2122'] = "TM", ['\u2192'] = "->", ['\u2190'] = "<-",
    };

    /// <summary>Characters a part holds, by encoding: one SMS, or one part of a concatenated SMS.</summary>
    public const int GsmSingle = 160, GsmPart = 153, UcsSingle = 70, UcsPart = 67;

    /// <summary>
    /// The text as plain GSM-7 wherever a faithful replacement exists: typographic quotes, dashes, "…", bullets,
    /// unusual spaces; accents outside GSM-7 are dropped from their letter (á → a); emoji, zero-width characters and
    /// other symbols are removed. Whatever cannot be mapped (another script) stays, and the message is then UCS-2.
    /// </summary>
    public static string ToGsm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsBmp && IsGsm((char)rune.Value))
            {
                result.Append((char)rune.Value);
            }
            else if (rune.IsBmp && Replacements.TryGetValue((char)rune.Value, out var replacement))
            {
                result.Append(replacement);
            }
            else if (WithoutAccent(rune) is { } plain)
            {
                result.Append(plain);
            }
            else if (!IsDroppable(rune))
            {
                result.Append(rune.ToString());
            }
        }

        // Dropping an emoji between two words leaves two spaces, and one before a line end leaves a trailing one.
        var collapsed = result.ToString().Replace("  ", " ", StringComparison.Ordinal).Replace(" \n", "\n", StringComparison.Ordinal);
        return collapsed.Trim();
    }

    /// <summary>True when every character is in the GSM-7 basic or extension table.</summary>
    public static bool IsGsm(string text) => text.All(IsGsm);

    /// <summary>How many SMS parts the text takes (an empty text still costs one SMS).</summary>
    public static int Segments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsGsm(text))
        {
            var septets = text.Sum(c => Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1);
            return septets <= GsmSingle ? 1 : (septets + GsmPart - 1) / GsmPart;
        }

        return text.Length <= UcsSingle ? 1 : (text.Length + UcsPart - 1) / UcsPart;
    }

    /// <summary>
    /// Splits a text into messages of at most <paramref name="maxSegments"/> parts each, between lines where possible,
    /// else between words, so a long summary arrives as two or three whole SMS instead of one the phone refuses.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxSegments)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSegments, 1);
        var messages = new List<string>();
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            if (Segments(rest) <= maxSegments)
            {
                messages.Add(rest);
                break;
            }

            var cut = LongestFit(rest, maxSegments);
            var lineBreak = rest.LastIndexOf('\n', cut - 1);
            var space = rest.LastIndexOf(' ', cut - 1);
            var at = lineBreak > cut / 2 ? lineBreak : space > cut / 2 ? space : cut;
            messages.Add(rest[..at].TrimEnd());
            rest = rest[at..].TrimStart();
        }

        return messages;
    }

    private static int LongestFit(string text, int maxSegments)
    {
        // Segments only grow with length, so a binary search finds the longest prefix that fits.
        int low = 1, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Segments(text[..mid]) <= maxSegments)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        // Never cut a surrogate pair in two.
        return char.IsHighSurrogate(text[low - 1]) && low > 1 ? low - 1 : low;
    }

    private static bool IsGsm(char c) => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal);

    private static string? WithoutAccent(Rune rune)
    {
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
        var plain = new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        return plain.Length > 0 && plain != rune.ToString() && plain.All(IsGsm) ? plain : null;
    }

    /// <summary>Emoji, pictographs, variation selectors, joiners and other symbols carry no words: they go.</summary>
    private static bool IsDroppable(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.OtherSymbol or UnicodeCategory.Format or UnicodeCategory.Surrogate
                   or UnicodeCategory.PrivateUse or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                   or UnicodeCategory.Control
               || rune.Value is >= 0x1F000 and <= 0x1FAFF or >= 0xFE00 and <= 0xFE0F;
    }
}
