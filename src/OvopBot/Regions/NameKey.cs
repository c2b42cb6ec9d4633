using System.Text;

namespace OvopBot.Regions;

/// <summary>
/// Turns a place name — official or typed on a phone — into a comparison key: ASCII letters and digits only,
/// lower case, no spaces ("Oel Nasi" = "Oelnasi"), accents and odd Unicode folded away, a leading "Desa"/"Kel." and a
/// trailing ", Kec. …"/"Kab. …" dropped, and a lone 1–5 read as the Roman numeral the data uses ("Camplong 2" =
/// "Camplong II"). Both sides go through the same function, so the rules can never disagree.
/// </summary>
internal sealed class NameKey
{
    /// <summary>Longer input is cut first: nobody's village name is a paragraph, and the work stays bounded.</summary>
    public const int MaxInputLength = 120;

    /// <summary>The longest official village name has 44 characters; keys beyond this cannot match anything.</summary>
    public const int MaxKeyLength = 60;

    private static readonly string[] Roman = ["", "i", "ii", "iii", "iv", "v"];

    private readonly HashSet<string> _leadingWords;
    private readonly HashSet<string> _cutWords;

    /// <param name="leadingWords">Words dropped at the start when more follow ("desa", "kel").</param>
    /// <param name="cutWords">Words that end the name when they follow it ("kec" in "Oelnasi Kec. Kupang Tengah").</param>
    public NameKey(IEnumerable<string> leadingWords, IEnumerable<string> cutWords)
    {
        _leadingWords = new HashSet<string>(leadingWords, StringComparer.Ordinal);
        _cutWords = new HashSet<string>(cutWords, StringComparer.Ordinal);
    }

    /// <summary>For village names: drops "desa"/"ds"/"kelurahan"/"kel", cuts at "kec"/"kab".</summary>
    public static NameKey ForVillages { get; } =
        new(["desa", "ds", "kelurahan", "kel"], ["kec", "kecamatan", "kab", "kabupaten"]);

    /// <summary>For district names: drops "kecamatan"/"kec"/"distrik", cuts at "kab".</summary>
    public static NameKey ForDistricts { get; } =
        new(["kecamatan", "kec", "distrik"], ["kab", "kabupaten"]);

    /// <summary>The key, or an empty string when the text holds no letter at all (a number, emoji, punctuation).</summary>
    public string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var tokens = Tokens(Fold(text.Length > MaxInputLength ? text[..MaxInputLength] : text));
        if (!tokens.Exists(t => t.Any(char.IsAsciiLetter)))
        {
            return string.Empty;
        }

        while (tokens.Count > 1 && _leadingWords.Contains(tokens[0]))
        {
            tokens.RemoveAt(0);
        }

        var cut = tokens.FindIndex(1, t => _cutWords.Contains(t));
        if (cut > 0)
        {
            tokens.RemoveRange(cut, tokens.Count - cut);
        }

        var key = new StringBuilder(32);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            key.Append(i > 0 && token is ['1' or '2' or '3' or '4' or '5'] ? Roman[token[0] - '0'] : token);
        }

        return key.Length > MaxKeyLength ? key.ToString(0, MaxKeyLength) : key.ToString();
    }

    /// <summary>Compatibility-decomposes (full-width "Ｏ" → "O", "é" → "e" + accent) so only the base letter stays.</summary>
    private static string Fold(string text) =>
        Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormKD);

    /// <summary>Lower-case runs of ASCII letters/digits; everything else (space, dot, apostrophe, marks) separates.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>(4);
        var current = new StringBuilder(16);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0 && !IsInvisible(c))
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>Combining accents and zero-width characters sit inside words; they must not split them.</summary>
    private static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.Format;
}
