namespace OvopBot.Understanding;

/// <summary>
/// Reads one number from a sloppy answer: "12", "1.500", "2,5", "1.500,75", "± 20", "kira-kira 30",
/// "sekitar 40 orang", "20 kg", "20an", "2 ribu", "lima puluh". Rules:
/// <list type="bullet">
/// <item>Separators follow <see cref="Numerals.TryParseNumeral"/>: the last of '.' and ',' (when both appear) is the
/// decimal mark; a lone '.' or ',' followed by exactly three digits groups thousands ("1.500" = "1,500" = 1500);
/// any other lone '.' or ',' is a decimal mark ("1.5" = "2,5"-style decimals).</item>
/// <item>"About" words before the number are ignored; words after it are taken as its unit and ignored, as long as
/// they hold no second number ("20 atau 30", "20-30", "20 sampai tiga puluh" are rejected; the engine asks
/// back).</item>
/// <item>A scale word right after a numeral multiplies it: ribu/rb (10³), juta/jt (10⁶), miliar/milyar (10⁹).</item>
/// <item>A leading '-' makes the number negative; range checks belong to the caller.</item>
/// </list>
/// </summary>
public static partial class NumberParser
{
    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.Ordinal)
    {
        ["ribu"] = 1_000m, ["rb"] = 1_000m, ["rbu"] = 1_000m, ["thousand"] = 1_000m,
        ["juta"] = 1_000_000m, ["jt"] = 1_000_000m, ["jta"] = 1_000_000m, ["million"] = 1_000_000m,
        ["miliar"] = 1_000_000_000m, ["milyar"] = 1_000_000_000m, ["billion"] = 1_000_000_000m,
    };

    /// <summary>True when <paramref name="text"/> holds exactly one number; see the type's rules.</summary>
    public static bool TryParse(string text, out decimal value)
    {
        value = 0;
        var tokens = AnswerLexer.Lex(TextCleaner.Clean(text).ToLowerInvariant());
        var i = 0;
        Numerals.SkipApproximation(tokens, ref i);
        if (i >= tokens.Count)
        {
            return false;
        }

        var negative = false;
        if ((tokens[i].IsSymbol('-') || tokens[i].IsSymbol('\u2212')) && i + 1 < tokens.Count
            && tokens[i + 1].Kind == AnswerTokenKind.Number)
        {
            negative = true;
            i++;
        }

        if (tokens[i].Kind == AnswerTokenKind.Number)
        {
            if (!Numerals.TryParseNumeral(tokens[i].Text, out value))
            {
                return false;
            }

            i++;
            if (i < tokens.Count && tokens[i].Kind == AnswerTokenKind.Word
                && Scales.TryGetValue(tokens[i].Text, out var scale))
            {
                if (value > decimal.MaxValue / scale)
                {
                    value = 0;
                    return false; // beyond what any answer means; TooLarge tells the person so
                }

                value *= scale;
                i++;
            }
        }
        else if (Numerals.TryReadWords(tokens, ref i, out var fromWords))
        {
            value = fromWords;
        }
        else
        {
            return false;
        }

        if (!RestIsUnit(tokens, i))
        {
            value = 0;
            return false;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>The largest number any answer is read as; anything beyond is "too large", not a guess.</summary>
    public const decimal Largest = 1_000_000_000_000_000m;

    /// <summary>
    /// True when the answer holds a number too large to be meant: more than 15 digits in a row (separators
    /// ignored, "99999999999999999999", "Rp 999.999.999.999.999.999"), scientific notation ("1e309"), or a number
    /// read beyond <see cref="Largest"/>. Such an answer gets "too large", not "please write a number".
    /// </summary>
    public static bool TooLarge(string text)
    {
        var cleaned = TextCleaner.Clean(text);
        if (HugeDigits().IsMatch(cleaned) || Scientific().IsMatch(cleaned))
        {
            return true;
        }

        return TryParse(cleaned, out var value) && Math.Abs(value) > Largest;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[0-9](?:[.,']?[0-9]){15}")]
    private static partial System.Text.RegularExpressions.Regex HugeDigits();

    [System.Text.RegularExpressions.GeneratedRegex(@"[0-9](?:[.,][0-9]+)?\s*[eE]\s*\+?[0-9]{2,}")]
    private static partial System.Text.RegularExpressions.Regex Scientific();

    /// <summary>
    /// Whatever follows the number may be unit words and punctuation ("kg/bulan", "orang.", "-an"), never another
    /// number, in digits or in words.
    /// </summary>
    internal static bool RestIsUnit(List<AnswerToken> tokens, int from)
    {
        for (var i = from; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == AnswerTokenKind.Number
                || (token.Kind == AnswerTokenKind.Word && Numerals.IsNumberWord(token.Text)))
            {
                return false;
            }
        }

        return true;
    }
}
