using OvopBot.Flows.Actions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;

namespace OvopBot.Flows.Loading;

/// <summary>
/// Checks a dialog flow (a staff flow, or a dialog anyone may enter) as a graph: every entry is a staff command (or
/// an input of <see cref="DialogInputs"/>) and starts at a real node, every action is known
/// (<see cref="DialogActionCatalog"/>) and branches only on outcomes it gives, every waiting node branches only on
/// staff commands (or those inputs), every node is reachable from an entry and none stops without an end, and every
/// text a node or an action uses is in <c>texts:</c>.
/// </summary>
internal static class StaffFlowValidator
{
    public static void Validate(FlowDefinition flow, Action<int, string> error)
    {
        foreach (var entry in flow.Entries)
        {
            if (flow.Kind == FlowKind.Dialog && !DialogInputs.Entries.Contains(entry.Command))
            {
                error(entry.Line, $"entry '{entry.Command}' is not an input a dialog starts at; known: {string.Join(", ", DialogInputs.Entries)}");
            }
            else if (flow.Kind == FlowKind.Staff && !flow.StaffCommands.ContainsKey(entry.Command))
            {
                error(entry.Line, $"entry '{entry.Command}' is not a staff command (add its keywords to 'staff_commands')");
            }

            if (!flow.TryGetNode(entry.Start, out _))
            {
                error(entry.Line, $"entry '{entry.Command}' starts at unknown node '{entry.Start}'");
            }
        }

        foreach (var node in flow.Nodes)
        {
            CheckNode(flow, node, error);
        }

        foreach (var missing in (flow.Kind == FlowKind.Staff ? RequiredTexts.StaffKeys : []).Where(k => !flow.Texts.ContainsKey(k)))
        {
            error(1, $"text '{missing}' is missing from 'texts' (used outside the dialogs)");
        }

        var reachable = Reachable(flow);
        foreach (var node in flow.Nodes.Where(n => !reachable.Contains(n.Id)))
        {
            error(node.Line, $"node '{node.Id}' is unreachable from every entry");
        }
    }

    private static void CheckNode(FlowDefinition flow, FlowNode node, Action<int, string> error)
    {
        foreach (var (target, line) in FlowValidator.Targets(node))
        {
            if (!flow.TryGetNode(target, out _))
            {
                error(line, $"node '{node.Id}' goes to unknown node '{target}'");
            }
        }

        if (node.TextKey is { } key && !flow.Texts.ContainsKey(key))
        {
            error(node.Line, $"node '{node.Id}' says text '{key}', which is not in 'texts'");
        }

        if (node.Expect is not (AnswerKind.None or AnswerKind.Input))
        {
            error(node.Line, $"node '{node.Id}': a staff dialog waits with expect: input; its action reads the answer");
        }

        IReadOnlyCollection<string> allowedOn = [];
        if (node.Action is { } action)
        {
            if (!DialogActionCatalog.Specs.TryGetValue(action, out var spec))
            {
                error(node.ActionLine, $"node '{node.Id}': unknown action '{action}'; known: {string.Join(", ", DialogActionCatalog.Specs.Keys)}");
                return;
            }

            allowedOn = spec.Outcomes;
            foreach (var missing in spec.Texts.Where(t => !flow.Texts.ContainsKey(t)))
            {
                error(node.ActionLine, $"node '{node.Id}': action '{action}' needs text '{missing}' in 'texts'");
            }
        }
        else if (node.Expect == AnswerKind.Input)
        {
            allowedOn = flow.Kind == FlowKind.Dialog ? DialogInputs.All : [.. flow.StaffCommands.Keys, DialogRunner.RoleRevoked];
        }

        foreach (var (answer, (_, line)) in node.On.Where(o => !allowedOn.Contains(o.Key)))
        {
            error(line, allowedOn.Count == 0
                ? $"node '{node.Id}': 'on' works on an action's outcomes or, while waiting, on staff commands (or a dialog's inputs)"
                : $"node '{node.Id}': 'on' names '{answer}', which is not one of {string.Join(", ", allowedOn)}");
        }

        if (node.Next is null && !node.IsEnd)
        {
            error(node.Line, $"node '{node.Id}' has no 'next' and no 'end: done|pass{(flow.Kind == FlowKind.Dialog ? "|resume" : "")}': the dialog would stop here");
        }

        if (node.IsEnd && node.Next is not null)
        {
            error(node.Line, $"end node '{node.Id}' cannot go on with 'next'");
        }
    }

    private static HashSet<string> Reachable(FlowDefinition flow)
    {
        var seen = flow.Entries.Select(e => e.Start).Where(s => flow.TryGetNode(s, out _)).ToHashSet();
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var id))
        {
            foreach (var (target, _) in FlowValidator.Targets(flow.Node(id)))
            {
                if (flow.TryGetNode(target, out _) && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return seen;
    }
}
