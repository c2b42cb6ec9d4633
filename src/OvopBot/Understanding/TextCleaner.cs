using System.Globalization;
using System.Text;

namespace OvopBot.Understanding;

/// <summary>
/// First step for every typed answer. <see cref="Clean"/> keeps what the person meant and drops what the phone added
/// (zero-width characters, a BOM, direction marks, line breaks, double spaces, decomposed accents).
/// <see cref="Fold"/> goes further for matching only: lower case, no diacritics, no punctuation or emoji at the ends.
/// </summary>
public static class TextCleaner
{
    /// <summary>
    /// The one normalisation every typed answer gets before parsing: trims; turns line breaks, tabs and any other
    /// white space (including no-break spaces) into one space; drops control and format characters (zero-width
    /// space/joiner, BOM, bidi marks) and broken surrogates; NFKC-normalises (full-width "１-３" → "1-3", ligatures,
    /// compatibility forms); turns the decimal digits of every script into ASCII ("٣" → "3", "৫" → "5") and the
    /// punctuation NFKC leaves alone into its ASCII twin ("。" → ".", "、" and "،" → ",", "−" → "-").
    /// <c>null</c> gives an empty string. Returns the same instance when nothing changes.
    /// </summary>
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        if (Ascii.IsValid(raw) && IsClean(raw))
        {
            return raw;
        }

        var text = WithoutBrokenSurrogates(raw);
        text = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            if (Rune.IsDigit(rune) && !rune.IsAscii)
            {
                builder.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
            }
            else if (AsciiTwin(rune.Value) is { } twin)
            {
                builder.Append(twin);
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        var cleaned = builder.ToString();
        return cleaned == raw ? raw : cleaned;
    }

    // Punctuation that NFKC keeps but that means the same as an ASCII sign in a number, a list or a coordinate.
    private static char? AsciiTwin(int codePoint) => codePoint switch
    {
        0x3002 or 0xFF61 or 0x066B => '.', // ideographic / half-width full stop, Arabic decimal separator
        0x3001 or 0xFF64 or 0x060C or 0x066C => ',', // ideographic / half-width comma, Arabic comma, Arabic thousands
        0x061B => ';', // Arabic semicolon
        0x2212 or 0x2010 or 0x2011 or 0x2043 or 0xFE63 => '-', // minus sign, hyphens, hyphen bullet, small hyphen-minus
        _ => null,
    };

    // string.Normalize refuses ill-formed UTF-16; a lone surrogate carries no meaning anyway.
    private static string WithoutBrokenSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else if (!char.IsSurrogate(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Cleans, lower-cases (invariant culture, so no Turkish dotless i), folds diacritics ("é" → "e") and strips
    /// punctuation, symbols and emoji at both ends ("Ya!!" → "ya", "(2)" → "2", "Oke 👍" → "oke"). Punctuation inside
    /// the text stays, because it separates parts ("1,3", "no. 2").
    /// </summary>
    public static string Fold(string text)
    {
        var cleaned = Clean(text);
        if (cleaned.Length == 0)
        {
            return cleaned;
        }

        var decomposed = cleaned.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        var span = builder.ToString().AsSpan();
        var start = 0;
        while (start < span.Length && IsEdgeJunk(span, start, out var width))
        {
            start += width;
        }

        var end = span.Length;
        while (end > start && IsEdgeJunkBefore(span, end, out var width))
        {
            end -= width;
        }

        return span[start..end].ToString();
    }

    private static bool IsClean(string raw)
    {
        if (char.IsWhiteSpace(raw[0]) || char.IsWhiteSpace(raw[^1]))
        {
            return false;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == ' ')
            {
                if (raw[i + 1] == ' ')
                {
                    return false;
                }

                continue;
            }

            if (char.IsWhiteSpace(c)
                || char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsEdgeJunk(ReadOnlySpan<char> text, int index, out int width)
    {
        if (Rune.DecodeFromUtf16(text[index..], out var rune, out width) != System.Buffers.OperationStatus.Done)
        {
            return true; // a broken surrogate is noise, never meaning
        }

        return IsJunk(rune);
    }

    private static bool IsEdgeJunkBefore(ReadOnlySpan<char> text, int end, out int width)
    {
        if (Rune.DecodeLastFromUtf16(text[..end], out var rune, out width) != System.Buffers.OperationStatus.Done)
        {
            return true;
        }

        return IsJunk(rune);
    }

    private static bool IsJunk(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return Rune.IsWhiteSpace(rune) || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune)
            || category is UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;
    }
}
