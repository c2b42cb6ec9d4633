using System.Text;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Loading;

namespace OvopBot.Flows.Diagrams;

/// <summary>
/// Draws a flow as a Mermaid flowchart: questions as boxes (with their answer kind), messages as rounded boxes,
/// ends as stadiums (a dialog's with where the message goes), a dialog flow's actions as hexagons and its entries
/// (staff commands, or inputs such as a reference) as parallelograms; edges
/// carry the answer or outcome that takes them, and <c>when</c> conditions mark skippable nodes.
/// </summary>
public static class MermaidGraph
{
    public static string Format(FlowDefinition flow)
    {
        var text = new StringBuilder();
        text.AppendLine("flowchart TD");
        foreach (var entry in flow.Entries)
        {
            var role = entry.Role == "admin" ? ", admin" : "";
            text.Append("    e_").Append(Id(entry.Command)).Append("[/\"").Append(entry.Command).Append(role).Append("\"/] --> ").Append(Id(entry.Start)).AppendLine();
        }

        foreach (var node in flow.Nodes)
        {
            var label = node.Action is { } action ? $"{node.Id}<br/><i>{action}</i>"
                : node.IsQuestion ? $"{node.Id}<br/><i>{FlowReader.KindName(node.Expect)}{(node.Optional ? ", optional" : "")}</i>"
                : node.Id;
            if (node.When is not null)
            {
                label += $"<br/>when {Escape(node.When.Source)}";
            }

            // A dialog's end says where the message goes: done (it was the dialog's), pass or resume (on to the conversation).
            if (flow.IsDialog && node.IsEnd)
            {
                label += $"<br/><i>end: {node.End.ToString().ToLowerInvariant()}</i>";
            }

            var (open, close) = node.Action is not null ? ("{{", "}}") : node.IsEnd ? ("([", "])") : node.IsQuestion ? ("[", "]") : ("(", ")");
            text.Append("    ").Append(Id(node.Id)).Append(open).Append('"').Append(label).Append('"').Append(close).AppendLine();
        }

        foreach (var node in flow.Nodes)
        {
            foreach (var (answer, (target, _)) in node.On)
            {
                text.Append("    ").Append(Id(node.Id)).Append(" -->|").Append(Escape(answer)).Append("| ").Append(Id(target)).AppendLine();
            }

            if (node.Next is not null)
            {
                text.Append("    ").Append(Id(node.Id)).Append(" --> ").Append(Id(node.Next)).AppendLine();
            }
        }

        return text.ToString();
    }

    // Mermaid reserves a few words ("end") and characters as ids; a prefix keeps any node id safe.
    private static string Id(string nodeId) => "n_" + nodeId.Replace('-', '_').Replace('.', '_');

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("[", "#91;", StringComparison.Ordinal).Replace("]", "#93;", StringComparison.Ordinal);
}
