using System.Text.Json.Nodes;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Understanding;

namespace OvopBot.Flows.Answers;

/// <summary>An amount in rupiah ("Rp 10.000.000", "10 juta", "2,5 jt", "500rb"), checked against <c>min</c>/<c>max</c>.</summary>
public sealed class MoneyInterpreter : IAnswerInterpreter
{
    public AnswerKind Kind => AnswerKind.Money;

    public Interpretation Interpret(AnswerInput input)
    {
        if (!MoneyParser.TryParse(input.Text, out var rupiah))
        {
            return new Rejected(NumberParser.TooLarge(input.Text) ? "number_huge" : "money_unclear");
        }

        return (Interpretation?)NumberInterpreter.RangeCheck(input, rupiah, MoneyParser.Format) ?? new Accepted(JsonValue.Create(rupiah));
    }

    public string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language) =>
        AnswerValues.AsDecimal(value) is { } rupiah ? MoneyParser.Format(rupiah) : "";
}
