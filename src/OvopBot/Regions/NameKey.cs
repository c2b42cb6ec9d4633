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

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _leadingWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _cutWords;

    /// <param name="leadingWords">Words dropped at the start when more follow ("desa", "kel").</param>
    /// <param name="cutWords">Words that end the name when they follow it ("kec" in "Oelnasi Kec. Kupang Tengah").</param>
    public NameKey(IEnumerable<string> leadingWords, IEnumerable<string> cutWords)
    {
        _leadingWords = new HashSet<string>(leadingWords, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _cutWords = new HashSet<string>(cutWords, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>For village names: drops "desa"/"ds"/"kelurahan"/"kel", cuts at "kec"/"kab".</summary>
    public static NameKey ForVillages { get; } =
        new(["desa", "ds", "kelurahan", "kel"], ["kec", "kecamatan", "kab", "kabupaten"]);

    /// <summary>For district names: drops "kecamatan"/"kec"/"distrik", cuts at "kab".</summary>
    public static NameKey ForDistricts { get; } =
        new(["kecamatan", "kec", "distrik"], ["kab", "kabupaten"]);

    /// <summary>The key, or an empty string when the text holds no letter at all (a number, emoji, punctuation).</summary>
    public string Of(string? text) => Build(text, spaced: false);

    /// <summary>
    /// The key with one space between words ("mata loko"): only to break ties between names that share a key,
    /// such as the two villages "Mata Loko" and "Mataloko".
    /// </summary>
    public string SpacedOf(string? text) => Build(text, spaced: true);

    /// <remarks>Runs once per official name at start-up (83,762 of them), so it works in stack buffers.</remarks>
    private string Build(string? text, bool spaced)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = Fold(text.Length > MaxInputLength ? text[..MaxInputLength] : text);

        // Lower-case letters and digits go to `chars`; token t is chars[ends[t - 1] .. ends[t]] (ends[-1] = 0).
        Span<char> chars = stackalloc char[folded.Length];
        Span<int> ends = stackalloc int[folded.Length + 1];
        var length = 0;
        var tokens = 0;
        var hasLetter = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                hasLetter |= char.IsAsciiLetter(c);
                chars[length++] = char.ToLowerInvariant(c);
            }
            else if (!IsInvisible(c) && length > (tokens == 0 ? 0 : ends[tokens - 1]))
            {
                ends[tokens++] = length;
            }
        }

        if (!hasLetter)
        {
            return string.Empty;
        }

        if (length > (tokens == 0 ? 0 : ends[tokens - 1]))
        {
            ends[tokens++] = length;
        }

        var first = 0;
        while (tokens - first > 1 && _leadingWords.Contains(Token(chars, ends, first)))
        {
            first++;
        }

        for (var t = first + 1; t < tokens; t++)
        {
            if (_cutWords.Contains(Token(chars, ends, t)))
            {
                tokens = t;
                break;
            }
        }

        Span<char> key = stackalloc char[(3 * length) + tokens];   // "3" → "iii" at worst, plus spaces
        var keyLength = 0;
        for (var t = first; t < tokens; t++)
        {
            if (spaced && t > first)
            {
                key[keyLength++] = ' ';
            }

            var token = Token(chars, ends, t);
            if (t > first && token is ['1' or '2' or '3' or '4' or '5'])
            {
                token = Roman[token[0] - '0'];
            }

            token.CopyTo(key[keyLength..]);
            keyLength += token.Length;
        }

        return new string(key[..Math.Min(keyLength, MaxKeyLength)]);
    }

    private static ReadOnlySpan<char> Token(ReadOnlySpan<char> chars, ReadOnlySpan<int> ends, int t) =>
        chars[(t == 0 ? 0 : ends[t - 1])..ends[t]];

    /// <summary>Compatibility-decomposes (full-width "Ｏ" → "O", "é" → "e" + accent) so only the base letter stays.</summary>
    private static string Fold(string text) =>
        Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormKD);

    /// <summary>Combining accents and zero-width characters sit inside words; they must not split them.</summary>
    private static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.Format;
}
