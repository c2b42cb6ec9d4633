namespace OvopBot.Regions;

/// <summary>
/// Kemendagri region codes as text: <c>53</c>, <c>53.01</c>, <c>53.01.08</c>, <c>53.01.08.2003</c>. Pure string
/// rules, no data: whether a code is known is the <see cref="RegionCatalog"/>'s business.
/// </summary>
public static class RegionCode
{
    /// <summary>Segment widths by level: province 2, regency 2, district 2, village 4 digits.</summary>
    private static readonly int[] SegmentWidths = [2, 2, 2, 4];

    /// <summary>The level of a well-formed dotted code, or null when it is not one.</summary>
    public static RegionLevel? LevelOf(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var level = 0;
        var start = 0;
        while (true)
        {
            if (level == SegmentWidths.Length)
            {
                return null;
            }

            var end = code.IndexOf('.', start);
            var segment = end < 0 ? code.AsSpan(start) : code.AsSpan(start, end - start);
            if (segment.Length != SegmentWidths[level] || !IsDigits(segment))
            {
                return null;
            }

            level++;
            if (end < 0)
            {
                return (RegionLevel)level;
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// Accepts a dotted code or its compact form (<c>5301082003</c>, as reference numbers carry it), trimmed, and
    /// returns the dotted form; null when the text is neither.
    /// </summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (LevelOf(trimmed) is not null)
        {
            return trimmed;
        }

        if (!IsDigits(trimmed) || trimmed.Length is not (2 or 4 or 6 or 10))
        {
            return null;
        }

        var parts = new List<string>(4);
        var at = 0;
        foreach (var width in SegmentWidths)
        {
            if (at == trimmed.Length)
            {
                break;
            }

            parts.Add(trimmed.Substring(at, width));
            at += width;
        }

        return string.Join('.', parts);
    }

    /// <summary>The code without dots (<c>53.01.08.2003</c> → <c>5301082003</c>), e.g. for reference numbers.</summary>
    public static string Compact(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Replace(".", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>The code one level up (<c>53.01.08</c> → <c>53.01</c>), or null for a province.</summary>
    public static string? Parent(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var dot = code.LastIndexOf('.');
        return dot < 0 ? null : code[..dot];
    }

    /// <summary>
    /// True when <paramref name="code"/> is <paramref name="scopeCode"/> itself or lies under it, segment-wise:
    /// <c>53.01.08</c> is within <c>53.01</c>, but <c>53.010</c> would not be within <c>53.01</c>.
    /// </summary>
    public static bool IsWithin(string code, string scopeCode)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(scopeCode);
        return code.StartsWith(scopeCode, StringComparison.Ordinal)
            && (code.Length == scopeCode.Length || code[scopeCode.Length] == '.');
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
