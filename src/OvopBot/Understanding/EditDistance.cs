namespace OvopBot.Understanding;

/// <summary>
/// Optimal string alignment distance (Levenshtein plus transposition of two adjacent characters, each substring
/// edited at most once). A transposition counts as one edit because "tidka" for "tidak" is the most common slip on a
/// phone keyboard. Characters are compared exactly: callers fold case and diacritics first
/// (<see cref="TextCleaner.Fold"/>).
/// </summary>
public static class EditDistance
{
    private const int StackLimit = 128;

    /// <summary>
    /// Returns the distance between <paramref name="a"/> and <paramref name="b"/>, or <c>bound + 1</c> as soon as it
    /// is known to exceed <paramref name="bound"/> (the matchers only care whether a word is "close enough", so they
    /// pass a small bound and most comparisons stop after a row or two).
    /// </summary>
    public static int Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int bound = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bound);
        var over = bound == int.MaxValue ? int.MaxValue : bound + 1;
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return over;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        // Three rows: two back (for transpositions), previous and current.
        var width = b.Length + 1;
        int[]? rented = null;
        var buffer = width * 3 <= StackLimit
            ? stackalloc int[width * 3]
            : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(width * 3)).AsSpan(0, width * 3);
        try
        {
            return Run(a, b, bound, over, buffer, width);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private static int Run(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int bound, int over, Span<int> buffer, int width)
    {
        var twoBack = buffer[..width];
        var previous = buffer.Slice(width, width);
        var current = buffer.Slice(width * 2, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, twoBack[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            // Every later cell is at least the smallest of this row, so nothing can come back under the bound.
            if (rowMin > bound)
            {
                return over;
            }

            var recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }

        var result = previous[b.Length];
        return result > bound ? over : result;
    }
}
