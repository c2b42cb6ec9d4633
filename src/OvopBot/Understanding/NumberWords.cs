namespace OvopBot.Understanding;

/// <summary>
/// Reads a whole number written in words, Indonesian or English: "tiga", "dua belas", "dua puluh lima",
/// "seratus", "dua ratus lima puluh ribu", "satu juta", "twenty-five", "one hundred and five"; ordinals "pertama",
/// "kedua", "ke-3" style words ("ke tiga", "kesepuluh"), "first".."twelfth". Words typed together
/// ("duapuluh", "limaratus") are split. The whole text must be the number: "dua tiga" (two numbers) is rejected, so
/// the parsers above this can tell "one number" from "several".
/// </summary>
public static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["satu"] = 1, ["dua"] = 2, ["tiga"] = 3, ["empat"] = 4, ["lima"] = 5,
        ["enam"] = 6, ["tujuh"] = 7, ["delapan"] = 8, ["sembilan"] = 9,
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
    };

    // Complete tens that take no unit after them.
    private static readonly Dictionary<string, int> Teens = new(StringComparer.Ordinal)
    {
        ["sepuluh"] = 10, ["sebelas"] = 11,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    // Tens that a unit may follow ("twenty five").
    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.Ordinal)
    {
        ["ribu"] = 1_000, ["juta"] = 1_000_000, ["miliar"] = 1_000_000_000, ["milyar"] = 1_000_000_000,
        ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000,
    };

    // "se-" forms that are a scale with a one in front.
    private static readonly Dictionary<string, long> OneScales = new(StringComparer.Ordinal)
    {
        ["seribu"] = 1_000, ["sejuta"] = 1_000_000, ["semiliar"] = 1_000_000_000, ["semilyar"] = 1_000_000_000,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["pertama"] = 1, ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5,
        ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11,
        ["twelfth"] = 12,
    };

    // Longest first, so "sebelas" wins over "se"+"belas" when splitting glued words.
    private static readonly string[] Vocabulary = Units.Keys.Concat(Teens.Keys).Concat(Tens.Keys)
        .Concat(Scales.Keys).Concat(OneScales.Keys)
        .Concat(["nol", "zero", "belas", "puluh", "ratus", "seratus", "hundred", "and", "a"])
        .OrderByDescending(v => v.Length).ThenBy(v => v, StringComparer.Ordinal)
        .ToArray();

    /// <summary>True when the whole of <paramref name="text"/> is one number in words (0 to int.MaxValue).</summary>
    public static bool TryParse(string text, out int value)
    {
        value = 0;
        var folded = TextCleaner.Fold(text);
        if (folded.Length == 0)
        {
            return false;
        }

        if (Ordinals.TryGetValue(folded, out value))
        {
            return true;
        }

        // Indonesian ordinals are "ke" + a cardinal: "kedua", "ke dua", "ke-dua", "kesepuluh". No cardinal word
        // starts with "ke", so the prefix is unambiguous.
        if (folded.StartsWith("ke", StringComparison.Ordinal))
        {
            var ordinal = Split(folded[2..].TrimStart(' ', '-'));
            return ordinal is { Count: > 0 } && TryCardinal(ordinal, out value) && value > 0;
        }

        var words = Split(folded);
        if (words is null || words.Count == 0)
        {
            return false;
        }

        return TryCardinal(words, out value);
    }

    private static bool TryCardinal(List<string> words, out int value)
    {
        value = 0;
        if (words.Count == 1 && words[0] is "nol" or "zero")
        {
            return true;
        }

        long total = 0;
        var lastScale = long.MaxValue;
        var i = 0;
        while (i < words.Count)
        {
            long group;
            long scale;
            if (OneScales.TryGetValue(words[i], out var oneScale))
            {
                group = 1;
                scale = oneScale;
                i++;
            }
            else
            {
                group = ParseGroup(words, ref i);
                if (group == 0)
                {
                    return false;
                }

                scale = 1;
                if (i < words.Count && Scales.TryGetValue(words[i], out var named))
                {
                    scale = named;
                    i++;
                }
            }

            // Scales must fall: "dua juta lima ratus ribu", never "lima ribu dua juta" or "dua dua".
            if (scale >= lastScale)
            {
                return false;
            }

            lastScale = scale;
            total += group * scale;
            if (total > int.MaxValue)
            {
                return false;
            }
        }

        value = (int)total;
        return true;
    }

    // One group below a thousand: [hundreds] [ten/teen | tens [unit] | unit]. Returns 0 when nothing was read.
    private static long ParseGroup(List<string> words, ref int i)
    {
        long value = 0;

        if (Peek(words, i, 0) == "seratus")
        {
            value = 100;
            i++;
        }
        else if (Peek(words, i, 0) is { } first && (first == "a" || Units.ContainsKey(first))
            && Peek(words, i, 1) is "ratus" or "hundred")
        {
            value = 100 * (first == "a" ? 1 : Units[first]);
            i += 2;
        }

        if (value > 0 && Peek(words, i, 0) == "and" && Peek(words, i, 1) is not null)
        {
            i++;
        }

        if (Peek(words, i, 0) is { } teenWord && Teens.TryGetValue(teenWord, out var teen))
        {
            i++;
            return value + teen;
        }

        if (Peek(words, i, 0) is { } unitWord && Units.TryGetValue(unitWord, out var unit))
        {
            switch (Peek(words, i, 1))
            {
                case "belas":
                    i += 2;
                    return value + 10 + unit;
                case "puluh":
                    i += 2;
                    return value + (10 * unit) + TakeUnit(words, ref i);
                default:
                    i++;
                    return value + unit;
            }
        }

        if (Peek(words, i, 0) is { } tensWord && Tens.TryGetValue(tensWord, out var tens))
        {
            i++;
            return value + tens + TakeUnit(words, ref i);
        }

        return value;
    }

    private static string? Peek(List<string> words, int i, int offset) =>
        i + offset < words.Count ? words[i + offset] : null;

    private static int TakeUnit(List<string> words, ref int i)
    {
        if (i < words.Count && Units.TryGetValue(words[i], out var unit)
            && (i + 1 >= words.Count || words[i + 1] is not ("belas" or "puluh" or "ratus" or "hundred")))
        {
            i++;
            return unit;
        }

        return 0;
    }

    // Splits on spaces and hyphens, then splits glued words ("duapuluh") into vocabulary words. Null when a word is
    // not made of number words at all.
    private static List<string>? Split(string folded)
    {
        var result = new List<string>();
        foreach (var piece in folded.Split([' ', '-', '\u2013'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Segment(piece, 0, result))
            {
                return null;
            }
        }

        return result;
    }

    private static bool Segment(string word, int start, List<string> into)
    {
        if (start == word.Length)
        {
            return true;
        }

        // Backtrack if the rest does not split.
        foreach (var candidate in Vocabulary)
        {
            if (candidate.Length > word.Length - start
                || string.CompareOrdinal(word, start, candidate, 0, candidate.Length) != 0)
            {
                continue;
            }

            into.Add(candidate);
            if (Segment(word, start + candidate.Length, into))
            {
                return true;
            }

            into.RemoveAt(into.Count - 1);
        }

        return false;
    }
}
