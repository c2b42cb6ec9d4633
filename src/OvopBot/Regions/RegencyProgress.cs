namespace OvopBot.Regions;

/// <summary>One regency of a <see cref="RegionStatusReport"/>: its totals and its district rows in code order.</summary>
public sealed record RegencyProgress(Regency Regency, ProgressCounts Counts, IReadOnlyList<DistrictProgress> Districts);
