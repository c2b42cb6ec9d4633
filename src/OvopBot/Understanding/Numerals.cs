using System.Globalization;

namespace OvopBot.Understanding;

/// <summary>
/// Shared pieces of <see cref="NumberParser"/> and <see cref="MoneyParser"/>: the separator rule for numerals,
/// "about" words before a number, and numbers written in words inside a longer answer.
/// </summary>
internal static class Numerals
{
    private static readonly HashSet<string> ApproxWords = new(StringComparer.Ordinal)
    {
        "sekitar", "sktr", "kira", "kisaran", "kl", "kurleb", "hampir", "rata", "approx", "approximately", "about",
        "around", "roughly", "circa", "ca",
    };

    /// <summary>
    /// Reads a numeral with optional '.' and ',' separators. The rule, in order:
    /// <list type="number">
    /// <item>Both '.' and ',' present: the one that comes last is the decimal separator and may appear once; the
    /// other groups thousands ("1.500,75" = 1500.75, "1,500.75" = 1500.75).</item>
    /// <item>One kind, several times: thousands ("1.500.000", "1,500,000").</item>
    /// <item>One separator once, followed by exactly three digits, and the part before it is not "0": thousands
    /// ("1.500" = "1,500" = 1500). Indonesians write thousands with a dot, and a comma followed by three digits is
    /// almost always a thousands comma typed on an English keyboard; nobody writes "1,500" to mean one and a half.
    /// </item>
    /// <item>Otherwise it is a decimal separator ("2,5" = "2.5" = 2.5, "0,500" = 0.5, "1,25" = 1.25).</item>
    /// </list>
    /// Thousands groups must be well-formed (first group 1–3 digits, then exactly 3): "1.50.0" and "1.2.3,4,5" fail.
    /// </summary>
    public static bool TryParseNumeral(string numeral, out decimal value)
    {
        value = 0;
        var dots = numeral.Count(c => c == '.');
        var commas = numeral.Count(c => c == ',');
        char? decimalMark = null;
        char? thousandsMark = null;
        if (dots > 0 && commas > 0)
        {
            decimalMark = numeral.LastIndexOf('.') > numeral.LastIndexOf(',') ? '.' : ',';
            thousandsMark = decimalMark == '.' ? ',' : '.';
            if ((decimalMark == '.' ? dots : commas) != 1)
            {
                return false;
            }
        }
        else if (dots + commas > 1)
        {
            thousandsMark = dots > 0 ? '.' : ',';
        }
        else if (dots + commas == 1)
        {
            var mark = dots > 0 ? '.' : ',';
            var at = numeral.IndexOf(mark, StringComparison.Ordinal);
            var digitsAfter = numeral.Length - at - 1;
            if (digitsAfter == 3 && numeral[..at] != "0")
            {
                thousandsMark = mark;
            }
            else
            {
                decimalMark = mark;
            }
        }

        var integerPart = numeral;
        var fraction = string.Empty;
        if (decimalMark is { } d)
        {
            var at = numeral.IndexOf(d, StringComparison.Ordinal);
            integerPart = numeral[..at];
            fraction = numeral[(at + 1)..];
            if (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        if (thousandsMark is { } t)
        {
            var groups = integerPart.Split(t);
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }

            integerPart = string.Concat(groups);
        }

        if (integerPart.Length == 0 || !integerPart.All(char.IsAsciiDigit) || integerPart.Length > 20)
        {
            return false;
        }

        var plain = fraction.Length == 0 ? integerPart : integerPart + "." + fraction;
        return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Skips words and signs that say "about" before a number: "±", "~", "+-", "kira-kira", "kira2",
    /// "kurang lebih", "lebih kurang", "sekitar", "kl.", "rata-rata", "about".
    /// </summary>
    public static void SkipApproximation(List<AnswerToken> tokens, ref int i)
    {
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.IsSymbol('±') || token.IsSymbol('~') || token.IsSymbol('≈'))
            {
                i++;
            }
            else if (token.IsSymbol('+') && i + 1 < tokens.Count && (tokens[i + 1].IsSymbol('-')
                || tokens[i + 1].IsSymbol('/')))
            {
                i += tokens[i + 1].IsSymbol('/') && i + 2 < tokens.Count && tokens[i + 2].IsSymbol('-') ? 3 : 2;
            }
            else if ((token.IsWord("kurang") && Next(tokens, i, "lebih"))
                || (token.IsWord("lebih") && Next(tokens, i, "kurang")))
            {
                i += 2;
            }
            else if (token.Kind == AnswerTokenKind.Word && ApproxWords.Contains(token.Text))
            {
                i++;
                // Reduplication: "kira-kira", "kira kira", "kira2", "rata-rata".
                if (i + 1 < tokens.Count && tokens[i].IsSymbol('-') && tokens[i + 1].IsWord(token.Text))
                {
                    i += 2;
                }
                else if (i < tokens.Count && tokens[i].IsWord(token.Text))
                {
                    i++;
                }
                else if (i + 1 < tokens.Count && tokens[i] is { Kind: AnswerTokenKind.Number, Text: "2" }
                    && tokens[i + 1].Kind == AnswerTokenKind.Number)
                {
                    // "kira2 30": the 2 is the reduplication mark, not a number, only when a numeral follows.
                    i++;
                }
            }
            else if (token.IsSymbol('.') || token.IsSymbol(':'))
            {
                // "kl. 20", "sekitar: 20" — only after an approximation word, which the loop just consumed.
                if (i == 0 || tokens[i - 1].Kind != AnswerTokenKind.Word)
                {
                    return;
                }

                i++;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>
    /// Reads the longest run of words from <paramref name="i"/> that <see cref="NumberWords"/> accepts as one
    /// number ("dua puluh lima orang" reads "dua puluh lima"). Hyphens between words are allowed ("twenty-five").
    /// </summary>
    public static bool TryReadWords(List<AnswerToken> tokens, ref int i, out int value)
    {
        value = 0;
        var end = i;
        var lastWordEnd = -1;
        while (end < tokens.Count && (tokens[end].Kind == AnswerTokenKind.Word
            || (tokens[end].IsSymbol('-') && end > i && end + 1 < tokens.Count
                && tokens[end + 1].Kind == AnswerTokenKind.Word)))
        {
            end++;
            if (tokens[end - 1].Kind == AnswerTokenKind.Word)
            {
                lastWordEnd = end;
            }
        }

        for (var stop = lastWordEnd; stop > i; stop--)
        {
            if (tokens[stop - 1].Kind != AnswerTokenKind.Word)
            {
                continue;
            }

            var phrase = string.Join(' ', tokens.Skip(i).Take(stop - i).Select(t => t.Text).Where(t => t != "-"));
            if (NumberWords.TryParse(phrase, out value))
            {
                i = stop;
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a single word is itself a number ("tiga", "seratus", "kedua"), or "setengah".</summary>
    public static bool IsNumberWord(string word) =>
        word is "setengah" or "half" || NumberWords.TryParse(word, out _);

    private static bool Next(List<AnswerToken> tokens, int i, string word) =>
        i + 1 < tokens.Count && tokens[i + 1].IsWord(word);
}
