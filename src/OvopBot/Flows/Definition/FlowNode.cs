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
    /// <summary>For <c>end</c> nodes: the session ends as submitted or declined (a staff dialog: done or pass).</summary>
    public EndKind End { get; init; }
    /// <summary>
    /// <c>export: { as: NAME }</c>: the name the exports know this field by (<c>product_name</c>), so renaming
    /// <c>save:</c> moves the column instead of emptying it.
    /// </summary>
    public string? ExportAs { get; init; }
    /// <summary><c>export: { header: {…} }</c>: the column header; default the node's <c>label</c>.</summary>
    public LocalizedText? ExportHeader { get; init; }
    /// <summary><c>export: { type: money }</c>: the column type; default derived from <c>expect</c>.</summary>
    public string? ExportType { get; init; }
    /// <summary>A shared text (<c>texts:</c>) this node says, instead of its own <see cref="Text"/>.</summary>
    public string? TextKey { get; init; }
    /// <summary>Staff dialogs: the named action this node asks the processor to apply (<c>broadcast.preview</c>).</summary>
    public string? Action { get; init; }
    public int ActionLine { get; init; }

    public bool IsQuestion => Expect != AnswerKind.None;

    /// <summary>True when entering the node says something (its own text or a shared one).</summary>
    public bool Says => TextKey is not null || !Text.IsEmpty;

    /// <summary>What entering the node says, in the language, with <c>{name}</c> placeholders filled.</summary>
    public string Say(FlowDefinition flow, string language, IReadOnlyDictionary<string, string>? values = null) =>
        TextKey is not null ? flow.Text(TextKey, language, values) : TextFormatter.Format(Text.Get(language), values);

    public bool IsEnd => End != EndKind.None;
}

/// <summary>How a conversation ends at an end node.</summary>
public enum EndKind
{
    None,
    Submitted,
    Declined,
    /// <summary>Staff dialogs: the dialog is over and the message was its business.</summary>
    Done,
    /// <summary>Staff dialogs: the dialog is over and the message goes on to the registration flow.</summary>
    Pass,
    /// <summary>
    /// Dialogs anyone may enter: the dialog is over and the person's conversation goes on, greeting them back at their
    /// question (the message is not taken as an answer), as after a pause.
    /// </summary>
    Resume,
}
