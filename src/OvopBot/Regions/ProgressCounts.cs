namespace OvopBot.Regions;

/// <summary>Village counts for one area: how many there are, submitted, in progress, and (the rest) not started.</summary>
public readonly record struct ProgressCounts(int Villages, int Submitted, int InProgress)
{
    public int NotStarted => Villages - Submitted - InProgress;

    /// <summary>Adds one village in the given state.</summary>
    public ProgressCounts With(VillageProgress progress) => progress switch
    {
        VillageProgress.Submitted => this with { Villages = Villages + 1, Submitted = Submitted + 1 },
        VillageProgress.InProgress => this with { Villages = Villages + 1, InProgress = InProgress + 1 },
        _ => this with { Villages = Villages + 1 },
    };

    public static ProgressCounts operator +(ProgressCounts a, ProgressCounts b) =>
        new(a.Villages + b.Villages, a.Submitted + b.Submitted, a.InProgress + b.InProgress);

    /// <summary>The named alternative to the + operator (CA2225).</summary>
    public static ProgressCounts Add(ProgressCounts a, ProgressCounts b) => a + b;
}
