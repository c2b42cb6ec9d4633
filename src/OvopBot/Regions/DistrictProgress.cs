namespace OvopBot.Regions;

/// <summary>One district row of a <see cref="RegionStatusReport"/>.</summary>
public sealed record DistrictProgress(District District, ProgressCounts Counts);
