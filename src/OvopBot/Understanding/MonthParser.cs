namespace OvopBot.Understanding;

/// <summary>
/// Reads months of the year (1..12), for availability and harvest seasons. Rules:
/// <list type="bullet">
/// <item>A month is a name or abbreviation in Indonesian or English ("Januari", "jan", "Agt"/"Agu"/"Agustus"/
/// "August", "Nop", "Des"), a number 1–12 ("6", "bulan 6", "bulan enam"), or a name of five letters or more one
/// edit away ("Agutus", "Febuari").</item>
/// <item>Ranges: "Juni - Agustus", "juni sampai agustus", "Juni s/d Agustus", "antara Juni dan Agustus";
/// "Nov-Feb" wraps over the new year (11, 12, 1, 2).</item>
/// <item>Lists: "Jan, Mar dan Mei", "jan mar mei". "sepanjang tahun", "setiap bulan", "semua bulan", "all year",
/// "12 bulan" (twelve months; "bulan 12" is December): all twelve.</item>
/// <item>The result is the set of months in calendar order (1..12), once each. Any word that is not a month, a
/// separator or filler ("bulan", "dari", "mulai") makes it unclear: null.</item>
/// </list>
/// </summary>
public static class MonthParser
{
    private static readonly Dictionary<string, int> Names = new(StringComparer.Ordinal)
    {
        ["januari"] = 1, ["january"] = 1, ["februari"] = 2, ["pebruari"] = 2, ["february"] = 2, ["maret"] = 3,
        ["march"] = 3, ["april"] = 4, ["mei"] = 5, ["may"] = 5, ["juni"] = 6, ["june"] = 6, ["juli"] = 7,
        ["july"] = 7, ["agustus"] = 8, ["august"] = 8, ["september"] = 9, ["oktober"] = 10, ["october"] = 10,
        ["november"] = 11, ["nopember"] = 11, ["desember"] = 12, ["december"] = 12,
    };

    private static readonly Dictionary<string, int> Abbreviations = new(StringComparer.Ordinal)
    {
        ["jan"] = 1, ["feb"] = 2, ["peb"] = 2, ["mar"] = 3, ["mrt"] = 3, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7,
        ["agu"] = 8, ["agt"] = 8, ["ags"] = 8, ["agst"] = 8, ["agus"] = 8, ["aug"] = 8, ["sep"] = 9, ["sept"] = 9,
        ["okt"] = 10, ["oct"] = 10, ["nov"] = 11, ["nop"] = 11, ["des"] = 12, ["dec"] = 12,
    };

    private static readonly string[] AllYear =
    [
        "sepanjang tahun", "setiap bulan", "tiap bulan", "semua bulan", "seluruh bulan", "sepanjang tahun penuh",
        "setahun penuh", "sepanjang masa", "all year", "all year round", "year round", "every month", "all months",
        "12 bulan", "sepanjang tahun 12 bulan",
    ];

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "bulan", "bln", "dari", "mulai", "pada", "di", "sekitar", "biasanya", "musim", "panen", "from", "in", "month",
        "months", "around", "usually", "saja", "aja",
    };

    private static readonly HashSet<string> RangeWords = new(StringComparer.Ordinal)
    {
        "sampai", "smp", "sampe", "hingga", "sd", "to", "until", "till", "through", "thru",
    };

    private static readonly HashSet<string> ListWords = new(StringComparer.Ordinal) { "dan", "and", "serta", "juga" };

    /// <summary>The months named in the answer, ascending and distinct, or null when unclear.</summary>
    public static IReadOnlyList<int>? ParseMonths(string text)
    {
        var words = Tokenize(text);
        if (words.Count == 0)
        {
            return null;
        }

        var joined = string.Join(' ', words.Where(w => w != ",")).Replace(" - ", " ", StringComparison.Ordinal);
        if (AllYear.Contains(joined, StringComparer.Ordinal))
        {
            return [.. Enumerable.Range(1, 12)];
        }

        // "antara Juni dan Agustus" is a range, not a list.
        var between = words[0] is "antara" or "between";
        if (between)
        {
            words = [.. words.Skip(1).Select(w => w is "dan" or "and" ? "-" : w)];
        }

        var months = new SortedSet<int>();
        int? pending = null; // a month waiting to see whether a range follows
        var inRange = false;
        foreach (var word in words)
        {
            if (word == "-" || RangeWords.Contains(word))
            {
                if (pending is null || inRange)
                {
                    return null;
                }

                inRange = true;
            }
            else if (word == "," || ListWords.Contains(word) || Fillers.Contains(word))
            {
                if (inRange && !Fillers.Contains(word))
                {
                    return null;
                }
            }
            else if (Month(word) is { } month)
            {
                if (inRange)
                {
                    AddRange(months, pending!.Value, month);
                    pending = null;
                    inRange = false;
                }
                else
                {
                    if (pending is { } previous)
                    {
                        months.Add(previous);
                    }

                    pending = month;
                }
            }
            else
            {
                return null;
            }
        }

        if (inRange)
        {
            return null;
        }

        if (pending is { } last)
        {
            months.Add(last);
        }

        return months.Count == 0 ? null : [.. months];
    }

    /// <summary>Exactly one month, or null (also when the answer names several).</summary>
    public static int? ParseMonth(string text) => ParseMonths(text) is [var only] ? only : null;

    private static void AddRange(SortedSet<int> months, int from, int to)
    {
        // Nov-Feb wraps over the new year.
        for (var m = from; ; m = (m % 12) + 1)
        {
            months.Add(m);
            if (m == to)
            {
                return;
            }
        }
    }

    private static int? Month(string word)
    {
        if (Names.TryGetValue(word, out var month) || Abbreviations.TryGetValue(word, out month))
        {
            return month;
        }

        if (word.All(char.IsAsciiDigit))
        {
            return int.TryParse(word, out var n) && n is >= 1 and <= 12 ? n : null;
        }

        if (NumberWords.TryParse(word, out var spelled) && spelled is >= 1 and <= 12)
        {
            return spelled;
        }

        if (word.Length >= 5)
        {
            var near = Names.Where(n => EditDistance.Compute(word, n.Key, 1) <= 1).Select(n => n.Value).Distinct()
                .ToList();
            return near.Count == 1 ? near[0] : null;
        }

        return null;
    }

    // Words, numbers and the separators that matter: "-" for ranges, "," for lists.
    private static List<string> Tokenize(string text)
    {
        var folded = TextCleaner.Fold(text)
            .Replace("s/d", " sampai ", StringComparison.Ordinal)
            .Replace("s.d.", " sampai ", StringComparison.Ordinal)
            .Replace("s.d", " sampai ", StringComparison.Ordinal);
        var words = new List<string>();
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                var digits = char.IsAsciiDigit(c);
                while (i < folded.Length && char.IsLetterOrDigit(folded[i]) && char.IsAsciiDigit(folded[i]) == digits)
                {
                    i++;
                }

                words.Add(folded[start..i]);
                continue;
            }

            if (c is '-' or '\u2013' or '\u2014')
            {
                words.Add("-");
            }
            else if (c is ',' or ';' or '/' or '&' or '+')
            {
                words.Add(",");
            }

            i++;
        }

        return words;
    }
}
