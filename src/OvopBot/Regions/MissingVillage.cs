namespace OvopBot.Regions;

/// <summary>A village without a submitted product, with the person who started it, when someone did.</summary>
public sealed record MissingVillage(VillageLocation Location, VillageProgress Progress, string? Contact, string? ContactName, string? Phone);
