using System.Text.RegularExpressions;

namespace OvopBot.Understanding;

/// <summary>
/// Matches a typed answer to the options of a choice question, numbered 1..N in the order given.
/// <para>Exact: the number ("2", "2.", "2)", "(2)", "#2", "no 2", "nomor 2", "no. 2", "pilihan 2", "dua", "kedua",
/// "ke-2"), the key, or a label ignoring case, accents and punctuation; also a copied line ("2. Kopi") whose number
/// and label agree.</para>
/// <para>Probable: one option is closest by <see cref="LabelScorer"/> (a typo, a whole word of the label such as
/// "kopi" for "Kopi (perkebunan)", or the start of a word). Ambiguous: several options tie, or a copied line's number
/// and label disagree. None: nothing close, or a number outside 1..N.</para>
/// </summary>
public static partial class ChoiceMatcher
{
    private static readonly HashSet<string> NumberPrefixes = new(StringComparer.Ordinal)
    {
        "no", "nomor", "nomer", "nmr", "nomo", "pilihan", "pilih", "opsi", "option", "number", "angka", "jawaban",
        "saya", "ke", "yg", "yang",
    };

    private static readonly HashSet<string> AllWords = new(StringComparer.Ordinal)
    {
        "semua", "semuanya", "all", "semua pilihan", "semua opsi", "semuanya saja", "semua saja", "all of them",
        "semua nya",
    };

    /// <summary>Matches one answer; see the type's rules.</summary>
    public static ChoiceMatch Match(string text, IReadOnlyList<ChoiceCandidate> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var answer = LabelScorer.Normalize(text);
        if (answer.Length == 0 || options.Count == 0)
        {
            return ChoiceMatch.NoMatch;
        }

        var labels = options.Select(o => o.Labels.Prepend(o.Key).Select(LabelScorer.Normalize).ToArray()).ToArray();

        var exact = Enumerable.Range(0, options.Count).Where(i => labels[i].Contains(answer)).ToList();
        if (exact.Count > 0)
        {
            return Result(exact.Count == 1 ? ChoiceMatchKind.Exact : ChoiceMatchKind.Ambiguous, exact, options);
        }

        var words = LabelScorer.Words(answer);
        var at = 0;
        while (at < words.Length - 1 && NumberPrefixes.Contains(words[at]))
        {
            at++;
        }

        if (TryNumber(string.Join(' ', words[at..]), out var number))
        {
            return number >= 1 && number <= options.Count
                ? Result(ChoiceMatchKind.Exact, [number - 1], options)
                : ChoiceMatch.NoMatch;
        }

        // A copied line "2. Kopi (perkebunan)": the number and the rest must agree.
        if (words.Length > 1 && IsDigits(words[0]) && int.TryParse(words[0], out var lead)
            && lead >= 1 && lead <= options.Count)
        {
            // "1 atau 3": a second number is a second answer, not a label.
            var restWords = words[1..].Where(w => !NumberPrefixes.Contains(w) && w is not ("atau" or "or")).ToArray();
            if (restWords.Length > 0 && TryNumber(string.Join(' ', restWords), out var second))
            {
                return second >= 1 && second <= options.Count && second != lead
                    ? Result(ChoiceMatchKind.Ambiguous, [lead - 1, second - 1], options)
                    : ChoiceMatch.NoMatch;
            }

            var rest = Fuzzy(string.Join(' ', words[1..]), labels);
            if (rest.Count == 0 || (rest.Count == 1 && rest[0] == lead - 1))
            {
                return Result(rest.Count == 0 ? ChoiceMatchKind.Probable : ChoiceMatchKind.Exact, [lead - 1], options);
            }

            return Result(ChoiceMatchKind.Ambiguous, [.. rest.Append(lead - 1).Distinct().Order()], options);
        }

        var fuzzy = Fuzzy(answer, labels);
        return fuzzy.Count switch
        {
            0 => ChoiceMatch.NoMatch,
            1 => Result(ChoiceMatchKind.Probable, fuzzy, options),
            _ => Result(ChoiceMatchKind.Ambiguous, fuzzy, options),
        };
    }

    /// <summary>
    /// Several answers: "1,3", "1, 3", "1 dan 3", "1 & 3", "1 3", "1/3", "1-3" or "1 sampai 3" (ranges),
    /// "semua"/"all", labels separated by commas or "dan". Every part must be an exact or probable match, else null
    /// (the engine asks back). Keys come in option order, once each.
    /// </summary>
    public static IReadOnlyList<string>? MatchMany(string text, IReadOnlyList<ChoiceCandidate> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folded = TextCleaner.Fold(text);
        if (folded.Length == 0 || options.Count == 0)
        {
            return null;
        }

        if (AllWords.Contains(LabelScorer.Normalize(folded)))
        {
            return [.. options.Select(o => o.Key).Distinct()];
        }

        var whole = Match(folded, options);
        if (whole.Kind == ChoiceMatchKind.Exact)
        {
            return [whole.Keys[0]];
        }

        var picked = new SortedSet<int>();
        var normalizedRanges = RangeWords().Replace(folded, " - ");
        foreach (var part in Separators().Split(normalizedRanges))
        {
            var trimmed = part.Trim(' ', '.', ')', '(');
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (!AddPart(trimmed, options, picked))
            {
                return null;
            }
        }

        return picked.Count == 0 ? null : [.. picked.Select(i => options[i].Key).Distinct()];
    }

    private static bool AddPart(string part, IReadOnlyList<ChoiceCandidate> options, SortedSet<int> picked)
    {
        var range = Range().Match(part);
        if (range.Success)
        {
            // [0-9]{1,3} in the pattern: always ASCII and small, yet parsed without throwing all the same.
            if (!int.TryParse(range.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(range.Groups[2].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var to)
                || from < 1 || to > options.Count || from > to)
            {
                return false;
            }

            for (var n = from; n <= to; n++)
            {
                picked.Add(n - 1);
            }

            return true;
        }

        // "1 3 5": numbers separated by spaces only.
        var pieces = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (pieces.Length > 1 && pieces.All(IsDigits))
        {
            return pieces.All(p => AddPart(p, options, picked));
        }

        var match = Match(part, options);
        if (match.Kind is not (ChoiceMatchKind.Exact or ChoiceMatchKind.Probable))
        {
            return false;
        }

        picked.Add(options.ToList().FindIndex(o => o.Key == match.Keys[0]));
        return true;
    }

    // Options tied for the best label score, in option order; empty when none is close.
    private static List<int> Fuzzy(string answer, string[][] labels)
    {
        var scores = labels.Select(l => LabelScorer.Score(answer, l)).ToArray();
        var best = scores.Where(s => s is not null).Min();
        return best is null ? [] : [.. Enumerable.Range(0, labels.Length).Where(i => scores[i] == best)];
    }

    private static bool TryNumber(string text, out int number)
    {
        if (IsDigits(text))
        {
            return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out number);
        }

        return NumberWords.TryParse(text, out number);
    }

    private static bool IsDigits(string text) => text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit);

    private static ChoiceMatch Result(
        ChoiceMatchKind kind, IEnumerable<int> indexes, IReadOnlyList<ChoiceCandidate> options) =>
        new(kind, [.. indexes.Select(i => options[i].Key).Distinct()]);

    // A dot separates only between digits ("1.3"); elsewhere it belongs to "no. 2" or a label.
    [GeneratedRegex(@"\s*(?:,|;|/|&|\+|(?<=\d)\s*\.\s*(?=\d)|\bdan\b|\band\b|\bserta\b|\bjuga\b)\s*")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\s*(?:\bs\s*/\s*d\b|\bs\.d\.?|\bsd\b|\bsampai\b|\bhingga\b|\bto\b|–)\s*")]
    private static partial Regex RangeWords();

    [GeneratedRegex(@"^([0-9]{1,3})\s*-\s*([0-9]{1,3})$")]
    private static partial Regex Range();
}
