using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;

namespace OvopBot.Flows.Answers;

/// <summary>
/// Free text. <c>min</c>/<c>max</c> are lengths in characters (default 2 and 500). Text without a single letter or
/// digit (emoji only, punctuation) is not an answer.
/// </summary>
public sealed class TextInterpreter : IAnswerInterpreter
{
    public const int DefaultMaxLength = 500;

    public AnswerKind Kind => AnswerKind.Text;

    public Interpretation Interpret(AnswerInput input)
    {
        if (input.Message.Kind is not (InboundKind.Text or InboundKind.Choice))
        {
            return new Rejected("expect_text");
        }

        var min = (int)(input.Node.Min ?? 2);
        var max = (int)(input.Node.Max ?? DefaultMaxLength);
        var text = input.Text;
        if (text.Length < min || !text.Any(char.IsLetterOrDigit))
        {
            return new Rejected("text_too_short", new Dictionary<string, string> { ["min"] = min.ToString(AnswerValues.IndonesianNumbers) });
        }

        return text.Length > max
            ? new Rejected("text_too_long", new Dictionary<string, string> { ["max"] = max.ToString(AnswerValues.IndonesianNumbers) })
            : new Accepted(JsonValue.Create(text));
    }

    public string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language) =>
        AnswerValues.AsString(value) ?? "";
}
