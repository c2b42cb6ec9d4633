namespace OvopBot.Understanding;

/// <summary>
/// Scores how close an answer is to an option's labels, for <see cref="ChoiceMatcher"/>. Lower is closer; null is
/// "not close". Text and labels are compared as words: folded, punctuation turned into spaces.
/// <list type="bullet">
/// <item>0: every word of the answer is a whole word of the label ("kopi" for "Kopi (perkebunan)").</item>
/// <item>d: the whole answer is d edits from the whole label, within <see cref="Allowance"/> of the label's
/// length.</item>
/// <item>Sum over the answer's words, each matched to a different label word: exact 0, a typo within the
/// allowance of that word's length d, the start (3+ letters) of a longer label word 1.</item>
/// </list>
/// </summary>
internal static class LabelScorer
{
    // Words that carry no choice on their own; they never decide a match.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "dan", "atau", "yang", "di", "ke", "dari", "untuk", "dengan", "the", "and", "or", "of", "a", "an", "to",
    };

    /// <summary>Edits tolerated for a word or label of this many characters.</summary>
    public static int Allowance(int length) => length switch
    {
        < 4 => 0,
        <= 6 => 1,
        <= 10 => 2,
        _ => 3,
    };

    /// <summary>
    /// Folds and turns every non-letter, non-digit into a single space: "Kopi (Perkebunan)" → "kopi perkebunan".
    /// </summary>
    public static string Normalize(string text)
    {
        var folded = TextCleaner.Fold(text);
        var builder = new System.Text.StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    public static string[] Words(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The best score of <paramref name="answer"/> (normalized) against any of the labels, or null.</summary>
    public static int? Score(string answer, IEnumerable<string> normalizedLabels)
    {
        var answerWords = Words(answer).Where(w => !StopWords.Contains(w)).ToArray();
        if (answerWords.Length == 0)
        {
            return null;
        }

        int? best = null;
        foreach (var label in normalizedLabels)
        {
            var score = ScoreOne(answer, answerWords, label);
            if (score is { } s && (best is null || s < best))
            {
                best = s;
            }
        }

        return best;
    }

    private static int? ScoreOne(string answer, string[] answerWords, string label)
    {
        if (label.Length == 0)
        {
            return null;
        }

        int? best = null;
        var allowance = Allowance(label.Length);
        var whole = EditDistance.Compute(answer, label, allowance);
        if (whole <= allowance)
        {
            best = whole;
        }

        var labelWords = Words(label);
        var used = new bool[labelWords.Length];
        var sum = 0;
        foreach (var word in answerWords)
        {
            var (index, cost) = BestWord(word, labelWords, used);
            if (index < 0)
            {
                return best;
            }

            used[index] = true;
            sum += cost;
        }

        return best is null || sum < best ? sum : best;
    }

    private static (int Index, int Cost) BestWord(string word, string[] labelWords, bool[] used)
    {
        var bestIndex = -1;
        var bestCost = int.MaxValue;
        for (var i = 0; i < labelWords.Length; i++)
        {
            if (used[i])
            {
                continue;
            }

            var candidate = labelWords[i];
            int cost;
            if (candidate == word)
            {
                cost = 0;
            }
            else
            {
                var allowance = Allowance(Math.Min(word.Length, candidate.Length));
                cost = EditDistance.Compute(word, candidate, allowance);
                if (cost > allowance)
                {
                    cost = word.Length >= 3 && candidate.StartsWith(word, StringComparison.Ordinal) ? 1 : int.MaxValue;
                }
            }

            if (cost < bestCost)
            {
                bestCost = cost;
                bestIndex = i;
            }
        }

        return (bestIndex, bestCost);
    }
}
