namespace OvopBot.Exports;

/// <summary>
/// Which rows an export keeps. <see cref="RegionCode"/> is a dotted code at any level (province to village);
/// <see cref="Since"/>/<see cref="Until"/> are calendar dates in WITA, both inclusive; <see cref="Status"/> is the
/// submission status (<c>draft</c> / <c>submitted</c>) of the row's village, for every kind.
/// </summary>
public sealed record ExportFilter(string? RegionCode = null, DateOnly? Since = null, DateOnly? Until = null, string? Status = null)
{
    public static ExportFilter None { get; } = new();

    /// <summary>The start of <see cref="Since"/> in WITA, as stored UTC text (null when open).</summary>
    internal string? SinceUtc => Since is { } d ? Storage.DbTime.Write(Wita.StartOf(d)) : null;

    /// <summary>The start of the day after <see cref="Until"/> in WITA, as stored UTC text (exclusive bound).</summary>
    internal string? UntilUtcExclusive => Until is { } d ? Storage.DbTime.Write(Wita.StartOf(d.AddDays(1))) : null;

    /// <summary>A LIKE pattern for codes under the region (<c>53.01.%</c>).</summary>
    internal string? RegionPrefix => RegionCode is { } r ? r + ".%" : null;
}
