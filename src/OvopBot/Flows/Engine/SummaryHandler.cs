using System.Globalization;
using System.Text;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Answers;
using OvopBot.Flows.Definition;
using OvopBot.Understanding;

namespace OvopBot.Flows.Engine;

/// <summary>
/// The summary node: every answer given so far, numbered; "0" or KIRIM submits, a number changes that answer
/// (then the person comes back here, answering only questions that the change newly makes relevant).
/// </summary>
internal static class SummaryHandler
{
    private const int MaxValueLength = 60;

    public static OutboundMessage Render(EngineStep step, FlowNode summary, string? prefix)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(prefix))
        {
            text.Append(prefix).Append("\n\n");
        }

        text.Append(summary.Text.Get(step.State.Language)).Append('\n');
        var lines = Lines(step);
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append('\n').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ")
                .Append(lines[i].Label).Append(": ").Append(lines[i].Value);
        }

        text.Append("\n\n").Append(step.T("summary_footer"));
        return MessageRenderer.Plain(text.ToString());
    }

    public static void Answer(EngineStep step, FlowNode summary, InboundMessage message, string text)
    {
        var folded = TextCleaner.Fold(text);
        if (folded is "0" or "0." || message.ChoiceId == "submit" || YesNoParser.Parse(text) == true)
        {
            Submit(step, summary);
            return;
        }

        var lines = Lines(step);
        var number = NumberParser.TryParse(folded.TrimEnd('.'), out var n) && n == decimal.Truncate(n) ? (int)n : 0;
        if (number < 1 || number > lines.Count)
        {
            step.State = step.State with { Misses = step.State.Misses + 1 };
            step.AskCurrent(step.T("summary_unclear"));
            return;
        }

        step.State = step.State with { ReturnTo = summary.Id };
        step.AskAt(lines[number - 1].NodeId);
    }

    public static void Submit(EngineStep step, FlowNode summary) => step.Enter(summary.Next);

    /// <summary>The answered, still relevant, labelled questions in file order (unlabelled ones, like consent, are not listed).</summary>
    private static List<RecordLine> Lines(EngineStep step)
    {
        var lines = RecordLines.Of(step.Engine, step.Flow, step.State.Answers, step.State.Language);
        return lines.Select(l => l.Value.Length > MaxValueLength ? l with { Value = l.Value[..(MaxValueLength - 1)].TrimEnd() + "…" } : l).ToList();
    }
}
