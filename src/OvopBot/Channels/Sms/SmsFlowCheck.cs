using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;

namespace OvopBot.Channels.Sms;

/// <summary>
/// For <c>flows check</c>: every text as SMS reads it (its <c>sms:</c> short form where given), and every question as
/// sent (text, numbered options, hints), must fit in <see cref="MaxParts"/> SMS parts once made plain GSM-7. Each one
/// over is reported as <c>FILE:LINE</c> with its size, so the writer knows where a short form is needed.
/// </summary>
public static class SmsFlowCheck
{
    public const int MaxParts = 3;

    public static IReadOnlyList<FlowError> Check(FlowCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<FlowError>();
        foreach (var full in catalog.Flows)
        {
            var flow = catalog.For(full.Id, SmsChannel.Name);
            foreach (var language in flow.Languages)
            {
                foreach (var (owner, text) in Texts(flow))
                {
                    Report(errors, flow, text.Line, $"{owner} ({language})", text.Get(language));
                }

                // A staff dialog's waiting node asks nothing itself (expect: input).
                foreach (var node in flow.Nodes.Where(n => n.IsQuestion && n.Expect != AnswerKind.Input))
                {
                    Report(errors, flow, node.Line, $"question '{node.Id}' as sent ({language})",
                        MessageRenderer.Question(flow, node, language).Text);
                }
            }
        }

        return errors;
    }

    private static void Report(List<FlowError> errors, FlowDefinition flow, int line, string what, string text)
    {
        var plain = SmsText.ToGsm(text);
        var parts = SmsText.Segments(plain);
        if (parts > MaxParts)
        {
            errors.Add(new FlowError(flow.SourceFile, line,
                $"{what} is {parts} SMS parts ({plain.Length} characters{(SmsText.IsGsm(plain) ? "" : ", not GSM-7")}); " +
                $"at most {MaxParts}: give it a shorter sms: form"));
        }
    }

    private static IEnumerable<(string Owner, LocalizedText Text)> Texts(FlowDefinition flow)
    {
        foreach (var (key, text) in flow.Texts)
        {
            yield return ($"text '{key}'", text);
        }

        foreach (var node in flow.Nodes)
        {
            if (!node.Text.IsEmpty)
            {
                yield return ($"node '{node.Id}'", node.Text);
            }

            if (node.Invalid is { } invalid)
            {
                yield return ($"node '{node.Id}' invalid", invalid);
            }
        }
    }
}
