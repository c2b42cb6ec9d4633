using System.Text.Json.Nodes;
using OvopBot.Flows.Definition;

namespace OvopBot.Flows.Engine;

/// <summary>One numbered line of a record: the question it answers, its field, its label and the answer as shown.</summary>
public sealed record RecordLine(int Number, string NodeId, string Field, string Label, string Value);

/// <summary>
/// A record's answers as numbered lines, the way the summary shows them: answered, still relevant, labelled questions
/// in file order. The summary, a facilitator's review (PERBAIKI 3,5 names these numbers) and DATA SAYA all use it, so
/// a number means the same answer everywhere.
/// </summary>
public static class RecordLines
{
    public static IReadOnlyList<RecordLine> Of(FlowEngine engine, FlowDefinition flow, IReadOnlyDictionary<string, JsonNode?> answers, string language)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(answers);
        var lines = new List<RecordLine>();
        foreach (var node in flow.Nodes)
        {
            if (!node.IsQuestion || node.Expect == AnswerKind.Summary || node.Save is null || node.Label is null ||
                !answers.TryGetValue(node.Save, out var value) || (node.When is { } when && !when.Evaluate(answers)))
            {
                continue;
            }

            var display = value is null
                ? flow.Text("answer_skipped_display", language)
                : engine.Interpreter(node.Expect).Display(flow, node, value, language);
            lines.Add(new RecordLine(lines.Count + 1, node.Id, node.Save, node.Label.Get(language), display));
        }

        return lines;
    }
}
