using OvopBot.Flows.Definition;

namespace OvopBot.Flows.Loading;

/// <summary>
/// Checks a flow as a graph: every target exists, every node is reachable from the start, no question dead-ends,
/// branches name real answers, and every <c>when</c> condition reads only fields that some earlier path saves.
/// </summary>
internal static class FlowValidator
{
    public static void Validate(FlowDefinition flow, List<FlowError> errors)
    {
        void Error(int line, string message) => errors.Add(new FlowError(flow.SourceFile, line, message));

        if (flow.IsDialog)
        {
            StaffFlowValidator.Validate(flow, Error);
            return;
        }

        if (!flow.TryGetNode(flow.Start, out _))
        {
            Error(1, $"start node '{flow.Start}' does not exist");
            return;
        }

        var sectionIds = flow.Sections.Select(s => s.Id).ToHashSet();
        foreach (var node in flow.Nodes)
        {
            CheckNode(flow, node, sectionIds, Error);
        }

        foreach (var node in flow.Nodes.Where(n => !Reachable(flow).Contains(n.Id)))
        {
            Error(node.Line, $"node '{node.Id}' is unreachable from start '{flow.Start}'");
        }

        CheckConditions(flow, Error);
        if (flow.Nodes.Any(n => n.Expect == AnswerKind.Village))
        {
            foreach (var missing in RequiredTexts.VillageKeys.Where(k => !flow.Texts.ContainsKey(k)))
            {
                Error(1, $"text '{missing}' is missing from 'texts' (needed by expect: village)");
            }
        }

        foreach (var twice in flow.Nodes.Where(n => n.ExportAs is not null).GroupBy(n => n.ExportAs).Where(g => g.Count() > 1))
        {
            Error(twice.Last().Line, $"node '{twice.Last().Id}': export name '{twice.Key}' is already used by node '{twice.First().Id}'");
        }

        foreach (var node in flow.Nodes.Where(n => n.TextKey is not null && !flow.Texts.ContainsKey(n.TextKey)))
        {
            Error(node.Line, $"node '{node.Id}' says text '{node.TextKey}', which is not in 'texts'");
        }

        if (flow.Kind == FlowKind.Registration && (flow.Commands.ContainsKey(FlowCommand.Person) || flow.Nodes.Any(n => n.Expect == AnswerKind.Village)))
        {
            foreach (var missing in RequiredTexts.StaffNoticeKeys.Where(k => !flow.Texts.ContainsKey(k)))
            {
                Error(1, $"text '{missing}' is missing from 'texts' (sent to or for the facilitators: needed by the person command and expect: village)");
            }
        }

        if (flow.Commands.ContainsKey(FlowCommand.MyData) || flow.Commands.ContainsKey(FlowCommand.Erase))
        {
            foreach (var missing in RequiredTexts.PrivacyKeys.Where(k => !flow.Texts.ContainsKey(k)))
            {
                Error(1, $"text '{missing}' is missing from 'texts' (needed by the my_data / erase commands)");
            }
        }
    }

    private static void CheckNode(FlowDefinition flow, FlowNode node, HashSet<string> sectionIds, Action<int, string> error)
    {
        foreach (var (target, line) in Targets(node))
        {
            if (!flow.TryGetNode(target, out _))
            {
                error(line, $"node '{node.Id}' goes to unknown node '{target}'");
            }
        }

        if (node.Section is not null && !sectionIds.Contains(node.Section))
        {
            error(node.Line, $"node '{node.Id}' names unknown section '{node.Section}'");
        }

        if (node.IsEnd && (node.Next is not null || node.On.Count > 0 || node.IsQuestion))
        {
            error(node.Line, $"end node '{node.Id}' cannot ask a question or go on with 'next'/'on'");
        }

        if (!node.IsEnd && node.Next is null && !CoversEveryAnswer(node))
        {
            error(node.Line, $"node '{node.Id}' has no 'next' and is not an end node: the conversation would stop here");
        }

        if (node.When is not null && node.Next is null)
        {
            error(node.Line, $"node '{node.Id}' has a 'when' condition but no 'next' to go to when it is skipped");
        }

        var allowedOn = node.Expect switch
        {
            AnswerKind.YesNo => ["yes", "no"],
            AnswerKind.Choice => node.Options.Select(o => o.Key).ToList(),
            _ => new List<string>(),
        };
        foreach (var (answer, (_, line)) in node.On)
        {
            if (!allowedOn.Contains(answer))
            {
                error(line, allowedOn.Count == 0
                    ? $"node '{node.Id}': 'on' only works with expect: yesno or choice"
                    : $"node '{node.Id}': 'on' names '{answer}', which is not one of its answers ({string.Join(", ", allowedOn)})");
            }
        }

        if (node.IsQuestion && node.Expect != AnswerKind.Summary && node.Save is null)
        {
            error(node.Line, $"question '{node.Id}' has no 'save': its answer would be lost");
        }

        if (node.Optional && node.Expect == AnswerKind.Summary)
        {
            error(node.Line, $"node '{node.Id}': a summary cannot be optional");
        }

        if (node.Min is { } min && node.Max is { } max && min > max)
        {
            error(node.Line, $"node '{node.Id}': min {min} is greater than max {max}");
        }
    }

    private static bool CoversEveryAnswer(FlowNode node) => node.Expect switch
    {
        AnswerKind.YesNo => node.On.ContainsKey("yes") && node.On.ContainsKey("no") && !node.Optional,
        AnswerKind.Choice => node.Options.All(o => node.On.ContainsKey(o.Key)) && !node.Optional,
        _ => false,
    };

    /// <summary>Every node this node can go to, with the line that names it.</summary>
    internal static IEnumerable<(string Target, int Line)> Targets(FlowNode node)
    {
        if (node.Next is not null)
        {
            yield return (node.Next, node.NextLine);
        }

        foreach (var (target, line) in node.On.Values)
        {
            yield return (target, line);
        }
    }

    private static HashSet<string> Reachable(FlowDefinition flow)
    {
        var seen = new HashSet<string> { flow.Start };
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var id))
        {
            foreach (var (target, _) in Targets(flow.Node(id)))
            {
                if (flow.TryGetNode(target, out _) && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return seen;
    }

    /// <summary>
    /// A <c>when</c> may only read fields saved on some path from the start to its node (a data-flow fixpoint over
    /// the graph: the fields that may be saved before entering each node).
    /// </summary>
    private static void CheckConditions(FlowDefinition flow, Action<int, string> error)
    {
        var savedBefore = flow.Nodes.ToDictionary(n => n.Id, _ => new HashSet<string>());
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var node in flow.Nodes)
            {
                var after = new HashSet<string>(savedBefore[node.Id]);
                if (node.Save is not null)
                {
                    after.Add(node.Save);
                }

                foreach (var (target, _) in Targets(node))
                {
                    if (savedBefore.TryGetValue(target, out var set) && !after.IsSubsetOf(set))
                    {
                        set.UnionWith(after);
                        changed = true;
                    }
                }
            }
        }

        foreach (var node in flow.Nodes.Where(n => n.When is not null))
        {
            foreach (var field in node.When!.Fields.Where(f => !savedBefore[node.Id].Contains(f)))
            {
                error(node.Line, $"node '{node.Id}': condition '{node.When}' reads '{field}', which no earlier node saves");
            }
        }
    }
}
