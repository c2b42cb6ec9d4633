using System.Globalization;
using System.Text;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Understanding;

namespace OvopBot.Flows.Engine;

/// <summary>
/// The summary node: every answer given so far, numbered; "0", KIRIM or a clear yes submits, a number 1..N changes
/// that answer (then the person comes back here, answering only questions that the change newly makes relevant).
/// A long summary is cut into pages, at section borders where that costs little ("Ringkasan 1/3"), each short enough for a basic phone;
/// LAGI turns the page, and the numbers run on across pages.
/// </summary>
internal static class SummaryHandler
{
    private const int MaxValueLength = 45;

    /// <summary>Characters of answer lines per page, leaving room for the header (~50) and the footer (~115) within 500.</summary>
    private const int PageBudget = 330;

    public static OutboundMessage Render(EngineStep step, FlowNode summary)
    {
        var pages = Pages(Lines(step));
        var page = pages.Count == 0 ? 0 : step.State.SummaryPage % pages.Count;
        var text = new StringBuilder();
        text.Append(summary.Text.Get(step.State.Language));
        if (pages.Count > 1)
        {
            text.Append(' ').Append(step.T("summary_page", new Dictionary<string, string>
            {
                ["page"] = (page + 1).ToString(CultureInfo.InvariantCulture),
                ["pages"] = pages.Count.ToString(CultureInfo.InvariantCulture),
            }));
        }

        text.Append('\n');
        foreach (var line in pages.Count == 0 ? [] : pages[page])
        {
            text.Append('\n').Append(line.Text);
        }

        text.Append("\n\n");
        if (pages.Count > 1)
        {
            text.Append(step.T(page + 1 < pages.Count ? "summary_more" : "summary_first")).Append('\n');
        }

        text.Append(step.T("summary_footer"));
        return MessageRenderer.Plain(text.ToString());
    }

    public static void Answer(EngineStep step, FlowNode summary, InboundMessage message, string text)
    {
        var folded = TextCleaner.Fold(text).TrimEnd('.');
        if (folded == "0" || message.ChoiceId == "submit")
        {
            Submit(step, summary);
            return;
        }

        var lines = Lines(step);
        // A number always means "change that answer" (it is never read as yes); only 0, KIRIM or a yes-word submits.
        if (NumberParser.TryParse(folded, out var n))
        {
            if (n == decimal.Truncate(n) && n >= 1 && n <= lines.Count)
            {
                step.State = step.State with { ReturnTo = summary.Id };
                step.AskAt(lines[(int)n - 1].NodeId);
                return;
            }

            step.Miss(step.T("summary_unclear", Count(lines)));
            return;
        }

        if (YesNoParser.Parse(text) == true)
        {
            Submit(step, summary);
            return;
        }

        step.Miss(step.T("summary_unclear", Count(lines)));
    }

    public static void Submit(EngineStep step, FlowNode summary) => step.Enter(summary.Next);

    private static Dictionary<string, string> Count(List<Line> lines) =>
        new() { ["count"] = lines.Count.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Lines in order, a new page when the next line would not fit; a page starts at a section when that costs little.</summary>
    private static List<List<Line>> Pages(List<Line> lines)
    {
        var pages = new List<List<Line>>();
        var current = new List<Line>();
        var size = 0;
        foreach (var line in lines)
        {
            var full = current.Count > 0 && size + line.Text.Length + 1 > PageBudget;
            // A new section starting on a nearly full page begins the next page instead.
            var sectionBreak = current.Count > 0 && current[^1].Section != line.Section && size > PageBudget * 3 / 4;
            if (full || sectionBreak)
            {
                pages.Add(current);
                current = [];
                size = 0;
            }

            current.Add(line);
            size += line.Text.Length + 1;
        }

        if (current.Count > 0)
        {
            pages.Add(current);
        }

        return pages;
    }

    private sealed record Line(string NodeId, string? Section, string Text);

    /// <summary>The answered, still relevant, labelled questions in file order (unlabelled ones, like consent, are not listed).</summary>
    private static List<Line> Lines(EngineStep step) =>
        RecordLines.Of(step.Engine, step.Flow, step.State.Answers, step.State.Language)
            .Select(l => new Line(l.NodeId, step.Flow.Node(l.NodeId).Section, $"{l.Number.ToString(CultureInfo.InvariantCulture)}. {l.Label}: {Shorten(l.Value)}"))
            .ToList();

    private static string Shorten(string value) => value.Length <= MaxValueLength ? value : value[..(MaxValueLength - 1)].TrimEnd() + "…";
}
