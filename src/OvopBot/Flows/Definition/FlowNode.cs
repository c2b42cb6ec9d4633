namespace OvopBot.Flows.Definition;

/// <summary>
/// One node of a flow: a question (<c>ask</c> + <c>expect</c>), a message (<c>say</c>, then <c>next</c>), a summary
/// (<c>expect: summary</c>) or an end (<c>say</c> with <c>end:</c>). See flows/README.md for every key.
/// </summary>
public sealed class FlowNode
{
    public required string Id { get; init; }
    public required int Line { get; init; }
    public required AnswerKind Expect { get; init; }
    /// <summary>The question (for <c>expect</c> nodes) or the message (for <c>say</c> nodes).</summary>
    public required LocalizedText Text { get; init; }
    public string? Section { get; init; }
    public IReadOnlyList<FlowOption> Options { get; init; } = [];
    /// <summary>The answer field this node writes, e.g. <c>product.name</c>.</summary>
    public string? Save { get; init; }
    /// <summary>Short label of the field in the summary.</summary>
    public LocalizedText? Label { get; init; }
    public string? Next { get; init; }
    public int NextLine { get; init; }
    /// <summary>Branches by answer (option key, or yes/no) to a node id.</summary>
    public IReadOnlyDictionary<string, (string Target, int Line)> On { get; init; } =
        new Dictionary<string, (string, int)>();
    public Condition? When { get; init; }
    /// <summary>The person may answer with the skip keyword (LEWATI).</summary>
    public bool Optional { get; init; }
    /// <summary>The person may answer "tidak tahu" (TIDAK TAHU): saved as unknown, shown as "belum tahu".</summary>
    public bool AllowsUnknown { get; init; }
    /// <summary>The answer is about the person, not the village: not taken over when they update a village's record.</summary>
    public bool Personal { get; init; }
    /// <summary>An example answer, shown when the person is stuck (after the second answer the bot could not use).</summary>
    public LocalizedText? Example { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public LocalizedText? Unit { get; init; }
    /// <summary>Overrides the flow's default "not understood" text for this node.</summary>
    public LocalizedText? Invalid { get; init; }
    /// <summary>For <c>end</c> nodes: the session ends as submitted or declined.</summary>
    public EndKind End { get; init; }

    public bool IsQuestion => Expect != AnswerKind.None;

    public bool IsEnd => End != EndKind.None;
}

/// <summary>How a conversation ends at an end node.</summary>
public enum EndKind
{
    None,
    Submitted,
    Declined,
}
