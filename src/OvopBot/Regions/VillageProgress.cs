namespace OvopBot.Regions;

/// <summary>How far a village has come with its OVOP registration.</summary>
public enum VillageProgress
{
    /// <summary>Nobody from the village has started (the village is absent from the store's answer).</summary>
    NotStarted,

    /// <summary>Someone started a registration for the village but has not submitted it.</summary>
    InProgress,

    /// <summary>The village has a submitted product.</summary>
    Submitted,
}
