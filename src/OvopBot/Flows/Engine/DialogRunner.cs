using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Actions;
using OvopBot.Flows.Definition;

namespace OvopBot.Flows.Engine;

/// <summary>
/// Steps a dialog flow (<c>kind: staff</c>, or <c>kind: dialog</c>), goflow's way: a start (a staff command's or an
/// input's entry) or a resume (the next message, or an action's outcome) walks nodes (saying texts, branching) until it waits for a message, asks for an
/// action, or ends. Pure: the caller applies actions and stores the state.
/// </summary>
internal static class DialogRunner
{
    /// <summary>
    /// The input the router gives an open dialog whose role its author lost: a waiting node may branch on it
    /// (<c>on: { role_revoked: … }</c>, to cancel what waits for them); anywhere else the dialog closes and passes.
    /// </summary>
    public const string RoleRevoked = "role_revoked";

    public static DialogResult Start(FlowDefinition flow, string language, FlowEntry entry, DialogState state, string input)
    {
        var opened = state.Closed() with { Role = entry.Role, Values = new() { ["input"] = input } };
        return Walk(flow, language, opened, entry.Start, []);
    }

    /// <summary>
    /// The next message at the waiting node: a staff command (or an input the router recognised,
    /// <see cref="DialogInputs"/>) it names, anything else to its <c>next</c>.
    /// </summary>
    public static DialogResult Continue(FlowDefinition flow, string language, DialogState state, string input, string? command)
    {
        if (state.NodeId is not { } id || !flow.TryGetNode(id, out var node) || node.Expect != AnswerKind.Input)
        {
            return new DialogResult(state.Closed(), [], DialogStop.Passed);
        }

        if (command is not null && node.On.TryGetValue(command, out var branch))
        {
            return Walk(flow, language, state with { Values = With(state.Values, "input", input) }, branch.Target, []);
        }

        if (command == RoleRevoked)
        {
            return new DialogResult(state.Closed(), [], DialogStop.Passed);
        }

        if (command is not null && flow.Entries.Any(e => e.Command == command))
        {
            // Another staff command: the router's next stage starts it (and decides whether this dialog stays open).
            return new DialogResult(state, [], DialogStop.Passed);
        }

        var values = With(state.Values, "input", input);
        if (node.Save is { } field)
        {
            values[field] = input;
        }

        return Walk(flow, language, state with { Values = values }, node.Next, []);
    }

    /// <summary>Goes on from the action node with what the action gave.</summary>
    public static DialogResult Resume(FlowDefinition flow, string language, DialogState state, ActionOutcome outcome,
        IReadOnlyList<OutboundMessage> repliesSoFar)
    {
        var node = flow.Node(state.NodeId!);
        var values = new Dictionary<string, string>(state.Values, StringComparer.Ordinal);
        foreach (var (key, value) in outcome.Values)
        {
            values[key] = value;
        }

        var kept = new Dictionary<string, string>(state.Kept, StringComparer.Ordinal);
        foreach (var (key, value) in outcome.Kept)
        {
            kept[key] = value;
        }

        state = state with { Values = values, Kept = kept };
        var replies = new List<OutboundMessage>(repliesSoFar);
        replies.AddRange(outcome.Replies);
        if (node.Says)
        {
            replies.Add(new OutboundMessage { Text = node.Say(flow, language, state.AllValues()) });
        }

        var target = outcome.Outcome is { } o && node.On.TryGetValue(o, out var branch) ? branch.Target : node.Next;
        return target is null ? Finish(state, node.End, replies) : Walk(flow, language, state, target, replies);
    }

    private static DialogResult Walk(FlowDefinition flow, string language, DialogState state, string? nodeId, List<OutboundMessage> replies)
    {
        for (var visited = 0; nodeId is not null; visited++)
        {
            if (visited == FlowEngine.MaxNodesPerStep)
            {
                return new DialogResult(state.Closed(), replies, DialogStop.Answered, Failure: new StepLimitReached(flow.Id, nodeId));
            }

            var node = flow.Node(nodeId);
            if (node.Action is { } action)
            {
                return new DialogResult(state with { NodeId = node.Id }, replies, DialogStop.ActionRequested, action);
            }

            if (node.Says)
            {
                replies.Add(new OutboundMessage { Text = node.Say(flow, language, state.AllValues()) });
            }

            if (node.Expect == AnswerKind.Input)
            {
                return new DialogResult(state with { NodeId = node.Id }, replies, DialogStop.Answered);
            }

            if (node.IsEnd)
            {
                return Finish(state, node.End, replies);
            }

            nodeId = node.Next;
        }

        return Finish(state, EndKind.Done, replies);
    }

    private static DialogResult Finish(DialogState state, EndKind end, List<OutboundMessage> replies) =>
        new(state.Closed(), replies, end switch { EndKind.Pass => DialogStop.Passed, EndKind.Resume => DialogStop.Resumed, _ => DialogStop.Answered });

    private static Dictionary<string, string> With(Dictionary<string, string> values, string key, string value) =>
        new(values, StringComparer.Ordinal) { [key] = value };
}
