using System.Buffers;

namespace OvopBot.Regions;

/// <summary>
/// A typo-tolerant index over name keys (see <see cref="NameKey"/>). Items with the same key share one entry, and a
/// bigram inverted index finds the few keys worth an edit-distance check: a key within distance k of the query keeps
/// all but at most 3k of its distinct bigrams (one edit touches at most three), so keys sharing fewer are skipped
/// unseen. Keys are numbered shortest first, so each posting list is ordered by length too and a search reads only
/// the slice of lengths that can be within k edits. Immutable; each search borrows its scratch arrays from the shared pool, so searches run in parallel.
/// </summary>
internal sealed class NameIndex
{
    // a–z, 0–9, plus start and end markers, so first and last letters weigh like the rest.
    private const int Symbols = 38;
    private const char Start = (char)36;
    private const char End = (char)37;

    private readonly string[] _keys;
    private readonly int[] _itemStart;   // items of key k: _items[_itemStart[k] .. _itemStart[k + 1]]
    private readonly int[] _items;
    private readonly byte[] _gramCount;  // distinct bigrams of each key
    private readonly int[][] _postings;  // bigram → keys that contain it, ascending
    private readonly int[] _lengthStart; // keys of length L: _lengthStart[L] .. _lengthStart[L + 1]

    /// <summary>Indexes item i under <c>keys[i]</c>; items with an empty key are left out.</summary>
    public NameIndex(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var groups = new Dictionary<string, List<int>>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i].Length == 0)
            {
                continue;
            }

            if (!groups.TryGetValue(keys[i], out var list))
            {
                groups[keys[i]] = list = new List<int>(1);
            }

            list.Add(i);
        }

        _keys = [.. groups.Keys.OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)];
        _lengthStart = new int[NameKey.MaxKeyLength + 2];
        for (int length = 0, next = 0; length < _lengthStart.Length; length++)
        {
            while (next < _keys.Length && _keys[next].Length < length)
            {
                next++;
            }

            _lengthStart[length] = next;
        }
        _itemStart = new int[_keys.Length + 1];
        _items = new int[groups.Values.Sum(g => g.Count)];
        _gramCount = new byte[_keys.Length];
        var postings = new List<int>[Symbols * Symbols];
        Span<int> grams = stackalloc int[NameKey.MaxKeyLength + 1];
        for (var k = 0; k < _keys.Length; k++)
        {
            var members = groups[_keys[k]];
            members.CopyTo(_items, _itemStart[k]);
            _itemStart[k + 1] = _itemStart[k] + members.Count;
            var count = DistinctGrams(_keys[k], grams);
            _gramCount[k] = (byte)count;
            foreach (var gram in grams[..count])
            {
                (postings[gram] ??= []).Add(k);
            }
        }

        _postings = Array.ConvertAll(postings, p => p?.ToArray() ?? []);
    }

    public int KeyCount => _keys.Length;

    public string KeyText(int key) => _keys[key];

    public ReadOnlySpan<int> ItemsOf(int key) => _items.AsSpan(_itemStart[key], _itemStart[key + 1] - _itemStart[key]);

    /// <summary>Adds every key within <paramref name="maxDistance"/> edits of <paramref name="query"/> to the results.</summary>
    public void Search(string query, int maxDistance, List<KeyMatch> results)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(results);
        if (query.Length == 0 || query.Length > NameKey.MaxKeyLength || _keys.Length == 0)
        {
            return;
        }

        Span<int> grams = stackalloc int[NameKey.MaxKeyLength + 1];
        var queryGrams = DistinctGrams(query, grams);
        var shared = ArrayPool<byte>.Shared.Rent(_keys.Length);
        var touched = ArrayPool<int>.Shared.Rent(_keys.Length);
        try
        {
            // Only keys whose length is within maxDistance of the query's can match.
            var lowest = _lengthStart[Math.Max(0, query.Length - maxDistance)];
            var beyond = _lengthStart[Math.Min(query.Length + maxDistance + 1, _lengthStart.Length - 1)];
            Array.Clear(shared, lowest, beyond - lowest);   // pooled arrays come back dirty from other renters
            var touchedCount = 0;
            foreach (var gram in grams[..queryGrams])
            {
                var posting = _postings[gram];
                var at = Array.BinarySearch(posting, lowest);
                for (at = at < 0 ? ~at : at; at < posting.Length && posting[at] < beyond; at++)
                {
                    var key = posting[at];
                    if (shared[key]++ == 0)
                    {
                        touched[touchedCount++] = key;
                    }
                }
            }

            for (var t = 0; t < touchedCount; t++)
            {
                var key = touched[t];
                var common = shared[key];
                var text = _keys[key];
                if (common < Math.Max(queryGrams, _gramCount[key]) - (3 * maxDistance))
                {
                    continue;
                }

                var distance = Understanding.EditDistance.Compute(query, text, maxDistance);
                if (distance <= maxDistance)
                {
                    results.Add(new KeyMatch(key, distance, common));
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<byte>.Shared.Return(shared);
        }
    }

    /// <summary>The distinct bigram ids of <c>^key$</c>, written to <paramref name="grams"/>; returns how many.</summary>
    private static int DistinctGrams(string key, Span<int> grams)
    {
        var count = 0;
        var previous = Start;
        for (var i = 0; i <= key.Length; i++)
        {
            var symbol = i < key.Length ? Symbol(key[i]) : End;
            var gram = (previous * Symbols) + symbol;
            if (!grams[..count].Contains(gram))
            {
                grams[count++] = gram;
            }

            previous = symbol;
        }

        return count;
    }

    private static char Symbol(char c) => c >= 'a' ? (char)(c - 'a') : (char)(26 + c - '0');

    /// <summary>A key found by <see cref="Search"/>: its id, its edit distance and how many bigrams it shares.</summary>
    public readonly record struct KeyMatch(int Key, int Distance, int SharedGrams);
}
