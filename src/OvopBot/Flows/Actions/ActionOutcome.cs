using OvopBot.Channels.Abstractions;

namespace OvopBot.Flows.Actions;

/// <summary>
/// What came of an action: the outcome the node's <c>on:</c> branches on (null: its <c>next</c>), values the dialog
/// keeps for later texts (<c>{recipients}</c>), values kept after the dialog ends (the last broadcast), replies the
/// handler worded from the flow's texts (lists), and work to start once the transaction is committed.
/// </summary>
public sealed record ActionOutcome
{
    public string? Outcome { get; init; }
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Kept { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<OutboundMessage> Replies { get; init; } = [];
    public Func<CancellationToken, Task>? AfterCommit { get; init; }

    public static ActionOutcome Next { get; } = new();

    public static ActionOutcome Of(string outcome) => new() { Outcome = outcome };
}
