namespace OvopBot.Regions;

/// <summary>
/// Searches a <see cref="NameIndex"/> and ranks what it finds: fewer edits first; among equals, the longer common
/// beginning (people misspell the middle and the end of a name more than its first letters), then more shared
/// bigrams, then the code, so the order is stable.
/// </summary>
internal static class RankedNames
{
    /// <summary>Hard cap on one answer; a chat message never shows this many anyway.</summary>
    public const int MaxResults = 50;

    /// <summary>Edits tolerated for a key of this length: none for 1–2 letters, up to 3 for long names.</summary>
    public static int Tolerance(int keyLength) => keyLength switch
    {
        <= 2 => 0,
        <= 5 => 1,
        <= 9 => 2,
        _ => 3,
    };

    /// <summary>Edits at which a single best match is still "confident" for a key of this length.</summary>
    public static int ConfidentDistance(int keyLength) => keyLength switch
    {
        <= 4 => 0,
        <= 9 => 1,
        _ => 2,
    };

    /// <summary>The best <paramref name="max"/> items for the query key, with their confidence worked out.</summary>
    public static List<Ranked> Find(NameIndex index, string query, int maxDistance, int max, Func<int, string> codeOf)
    {
        var matches = new List<NameIndex.KeyMatch>();
        index.Search(query, maxDistance, matches);
        var ranked = new List<Ranked>();
        foreach (var match in matches)
        {
            var key = index.KeyText(match.Key);
            var score = 1.0 - ((double)match.Distance / Math.Max(query.Length, key.Length));
            var prefix = query.AsSpan().CommonPrefixLength(key);
            foreach (var item in index.ItemsOf(match.Key))
            {
                ranked.Add(new Ranked(item, match.Distance, score, prefix, match.SharedGrams, codeOf(item)));
            }
        }

        ranked.Sort(Compare);
        var clearlyBest = ranked.Count > 0
            && ranked[0].Distance <= ConfidentDistance(query.Length)
            && (ranked.Count == 1 || ranked[1].Distance > ranked[0].Distance);
        if (ranked.Count > max)
        {
            ranked.RemoveRange(max, ranked.Count - max);
        }

        if (clearlyBest)
        {
            ranked[0] = ranked[0] with { IsConfident = true };
        }

        return ranked;
    }

    private static int Compare(Ranked a, Ranked b)
    {
        var order = a.Distance.CompareTo(b.Distance);
        if (order == 0)
        {
            order = b.Prefix.CompareTo(a.Prefix);
        }

        if (order == 0)
        {
            order = b.SharedGrams.CompareTo(a.SharedGrams);
        }

        return order != 0 ? order : string.CompareOrdinal(a.Code, b.Code);
    }

    /// <summary>One ranked item (an index into the list the <see cref="NameIndex"/> was built from).</summary>
    public readonly record struct Ranked(int Item, int Distance, double Score, int Prefix, int SharedGrams, string Code)
    {
        public bool IsExact => Distance == 0;

        public bool IsConfident { get; init; }
    }
}
