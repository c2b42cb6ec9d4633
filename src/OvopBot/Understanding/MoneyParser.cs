using System.Globalization;

namespace OvopBot.Understanding;

/// <summary>
/// Reads an amount of rupiah: "Rp 10.000.000", "Rp10jt", "10 juta", "2,5 jt", "500rb", "500k", "1,5 M",
/// "Rp 2.500.000,00", "10.000.000,-", "IDR 5 juta", "dua juta", "2 setengah juta", "1 juta 500 ribu". Rules:
/// <list type="bullet">
/// <item>Numerals follow <see cref="Numerals.TryParseNumeral"/> ("1.500" is fifteen hundred, "2,5" two and a half).
/// </item>
/// <item>Scales: rb/ribu/rebu/k = 10³; jt/juta/million/mio/mln = 10⁶; M/miliar/milyar/billion = 10⁹ (Indonesian
/// usage: a capital "M" on a price is miliar, never million); triliun = 10¹².</item>
/// <item>Parts must fall in scale ("1 juta 500 ribu"), and only currency words (rp, idr, rupiah) and "saja"/"aja"
/// may surround the amount. Anything else, a minus sign, or a second amount ("5 atau 10 juta") is rejected: money
/// is not guessed.</item>
/// <item>The result is whole rupiah, rounded half up; at most 10¹⁵.</item>
/// </list>
/// </summary>
public static class MoneyParser
{
    private const decimal MaxRupiah = 1_000_000_000_000_000m;

    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.Ordinal)
    {
        ["rb"] = 1e3m, ["ribu"] = 1e3m, ["rbu"] = 1e3m, ["rebu"] = 1e3m, ["k"] = 1e3m, ["thousand"] = 1e3m,
        ["jt"] = 1e6m, ["jta"] = 1e6m, ["juta"] = 1e6m, ["million"] = 1e6m, ["mio"] = 1e6m, ["mln"] = 1e6m,
        ["m"] = 1e9m, ["miliar"] = 1e9m, ["milyar"] = 1e9m, ["milliar"] = 1e9m, ["billion"] = 1e9m,
        ["triliun"] = 1e12m, ["trilyun"] = 1e12m,
    };

    private static readonly HashSet<string> Currency = new(StringComparer.Ordinal) { "rp", "idr", "rupiah" };

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal) { "saja", "aja", "an" };

    /// <summary>True when <paramref name="text"/> is one non-negative amount of rupiah; see the type's rules.</summary>
    public static bool TryParse(string text, out decimal rupiah)
    {
        rupiah = 0;
        var tokens = AnswerLexer.Lex(TextCleaner.Clean(text).ToLowerInvariant());
        var i = 0;
        SkipPrefix(tokens, ref i);
        if (i >= tokens.Count || tokens[i].IsSymbol('-') || tokens[i].IsSymbol('\u2212') || tokens[i].IsWord("minus"))
        {
            return false;
        }

        decimal total = 0;
        var lastScale = decimal.MaxValue;
        var parts = 0;
        while (i < tokens.Count && TryReadAmount(tokens, ref i, out var amount, out var fromWords))
        {
            var scale = 1m;
            if (i < tokens.Count && tokens[i].Kind == AnswerTokenKind.Word
                && Scales.TryGetValue(tokens[i].Text, out var named))
            {
                scale = named;
                i++;
            }
            else if (fromWords)
            {
                // "dua juta" was read whole by the number words; its own scale orders what may follow.
                scale = ScaleOf(amount);
                amount /= scale;
            }

            if (scale >= lastScale || amount > MaxRupiah)
            {
                return false;
            }

            lastScale = scale;
            total += amount * scale;
            parts++;
            if (i < tokens.Count && tokens[i].IsWord("rupiah"))
            {
                i++;
            }

            if (scale == 1m)
            {
                break; // units end the amount: "1 juta 500" is fine, "500 1000" is two numbers
            }
        }

        if (parts == 0 || !RestIsFiller(tokens, i) || total > MaxRupiah)
        {
            return false;
        }

        rupiah = Math.Round(total, 0, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>Indonesian style for summaries: 2500000 → "Rp 2.500.000" (rounded to whole rupiah).</summary>
    public static string Format(decimal rupiah)
    {
        var whole = Math.Round(rupiah, 0, MidpointRounding.AwayFromZero);
        var digits = Math.Abs(whole).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
        return whole < 0 ? "-Rp " + digits : "Rp " + digits;
    }

    private static void SkipPrefix(List<AnswerToken> tokens, ref int i)
    {
        while (true)
        {
            var before = i;
            Numerals.SkipApproximation(tokens, ref i);
            if (i < tokens.Count && tokens[i].Kind == AnswerTokenKind.Word && Currency.Contains(tokens[i].Text))
            {
                i++;
                if (i < tokens.Count && (tokens[i].IsSymbol('.') || tokens[i].IsSymbol(':')))
                {
                    i++;
                }
            }

            if (i == before)
            {
                return;
            }
        }
    }

    // One number before a scale: a numeral, number words, "setengah" (½) alone or after a number.
    private static bool TryReadAmount(List<AnswerToken> tokens, ref int i, out decimal amount, out bool fromWords)
    {
        amount = 0;
        fromWords = false;
        var read = false;
        if (tokens[i].Kind == AnswerTokenKind.Number)
        {
            if (!Numerals.TryParseNumeral(tokens[i].Text, out amount))
            {
                return false;
            }

            i++;
            read = true;
        }
        else if (Numerals.TryReadWords(tokens, ref i, out var words))
        {
            amount = words;
            read = true;
            fromWords = true;
        }

        if (i < tokens.Count && (tokens[i].IsWord("setengah") || tokens[i].IsSymbol('½')))
        {
            amount += 0.5m;
            i++;
            read = true;
        }

        return read;
    }

    private static decimal ScaleOf(decimal amount)
    {
        foreach (var scale in (ReadOnlySpan<decimal>)[1e9m, 1e6m, 1e3m])
        {
            if (amount > 0 && amount % scale == 0)
            {
                return scale;
            }
        }

        return 1m;
    }

    private static bool RestIsFiller(List<AnswerToken> tokens, int from)
    {
        for (var i = from; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var ok = token.Kind switch
            {
                AnswerTokenKind.Word => Currency.Contains(token.Text) || Fillers.Contains(token.Text),
                AnswerTokenKind.Symbol => token.Text is "," or "-" or "." or "=" or "!" or ")" or "(",
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
