using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Understanding;

namespace OvopBot.Flows.Answers;

/// <summary>
/// Yes or no: "1"/"2" (the numbered options the question shows), ya/iya/y/yes, tidak/nggak/gak/t/no, with typos.
/// The saved value is a boolean; <c>on:</c> branches use the keys <c>yes</c> and <c>no</c>.
/// </summary>
public sealed class YesNoInterpreter : IAnswerInterpreter
{
    public const string YesKey = "yes";
    public const string NoKey = "no";

    public AnswerKind Kind => AnswerKind.YesNo;

    public Interpretation Interpret(AnswerInput input)
    {
        var answer = Parse(input.Message, input.Text);
        return answer is null ? new Rejected("yesno_unclear") : new Accepted(JsonValue.Create(answer.Value));
    }

    /// <summary>Also used by the engine for its own yes/no follow-ups (did-you-mean, restart).</summary>
    internal static bool? Parse(InboundMessage message, string text)
    {
        if (message.Kind == InboundKind.Choice)
        {
            return message.ChoiceId switch { YesKey => true, NoKey => false, _ => null };
        }

        var folded = TextCleaner.Fold(text);
        return folded switch
        {
            "1" or "1." or "satu" => true,
            "2" or "2." or "dua" => false,
            _ => YesNoParser.Parse(text),
        };
    }

    public string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language) =>
        value is JsonValue v && v.TryGetValue(out bool yes) ? flow.Text(yes ? "answer_yes" : "answer_no", language) : "";
}
