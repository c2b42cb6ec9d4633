namespace OvopBot.Regions;

/// <summary>One village and its progress, e.g. for a facilitator's list of villages that have not started.</summary>
public sealed record VillageProgressRow(Village Village, VillageProgress Progress);
