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
    /// Trims; turns line breaks, tabs and any other white space (including no-break spaces) into one space; drops
    /// control and format characters (zero-width space/joiner, BOM, bidi marks); NFC-normalises.
    /// <c>null</c> gives an empty string. Returns the same instance when nothing changes.
    /// </summary>
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        if (IsClean(raw))
        {
            return raw.IsNormalized(NormalizationForm.FormC) ? raw : raw.Normalize(NormalizationForm.FormC);
        }

        var builder = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        var cleaned = builder.ToString();
        return cleaned.IsNormalized(NormalizationForm.FormC) ? cleaned : cleaned.Normalize(NormalizationForm.FormC);
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
