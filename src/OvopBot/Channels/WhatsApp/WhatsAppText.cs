using System.Globalization;
using System.Text;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// Fits texts into WhatsApp's field limits: shortens button and row labels on a word boundary with "…" (keeping the
/// option number), and splits long texts on paragraph boundaries. Lengths are counted in UTF-16 units, which is never
/// less than what Meta counts, and a cut never falls inside a surrogate pair.
/// </summary>
public static class WhatsAppText
{
    public const string Ellipsis = "…";

    /// <summary>Collapses whitespace to single spaces and shortens to <paramref name="max"/> characters.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var flat = Flatten(text);
        if (flat.Length <= max)
        {
            return flat;
        }

        var room = max - Ellipsis.Length;
        var cut = SafeCut(flat, room);
        var space = flat.LastIndexOf(' ', cut - 1 < 0 ? 0 : cut - 1);
        // Cutting on a word boundary reads better, but not at the price of losing most of the label.
        if (space > room / 2)
        {
            cut = space;
        }

        // "Perkebunan (mis…" reads worse than "Perkebunan…": drop a bracket that the cut leaves open.
        var open = flat.LastIndexOf('(', cut - 1 < 0 ? 0 : cut - 1);
        if (open >= room / 2 && flat.IndexOf(')', open) >= cut)
        {
            cut = open;
        }

        return flat[..cut].TrimEnd(' ', ',', ';', ':', '-', '.', '(', '/') + Ellipsis;
    }

    /// <summary>
    /// "3. Label" shortened to <paramref name="max"/>; the number prefix is kept whole because it is what a person
    /// would type and what makes titles unique.
    /// </summary>
    public static string Numbered(int number, string label, int max)
    {
        ArgumentNullException.ThrowIfNull(label);
        var prefix = number.ToString(CultureInfo.InvariantCulture) + ". ";
        var flat = Flatten(label);
        if (flat.StartsWith(prefix, StringComparison.Ordinal))
        {
            flat = flat[prefix.Length..];
        }

        var room = max - prefix.Length;
        return room < 2 ? prefix.TrimEnd() : prefix + Shorten(flat, room);
    }

    /// <summary>Splits a text into parts of at most <paramref name="max"/> characters, preferring blank lines.</summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var cut = BestBreak(rest, max);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    /// <summary>Removes line breaks and runs of spaces (template parameters may contain neither).</summary>
    public static string Flatten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var ch in text.Trim())
        {
            if (char.IsWhiteSpace(ch))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
            }
            else
            {
                sb.Append(ch);
                lastWasSpace = false;
            }
        }

        return sb.ToString();
    }

    private static int BestBreak(string text, int max)
    {
        var limit = SafeCut(text, max);
        foreach (var separator in new[] { "\n\n", "\n", " " })
        {
            var at = text.LastIndexOf(separator, limit - 1, StringComparison.Ordinal);
            // A break in the first quarter would leave a tiny part; prefer the next finer separator.
            if (at > max / 4)
            {
                return at;
            }
        }

        return limit;
    }

    private static int SafeCut(string text, int length)
    {
        if (length >= text.Length)
        {
            return text.Length;
        }

        return length > 0 && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
    }
}
