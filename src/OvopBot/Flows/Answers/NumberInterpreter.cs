using System.Text.Json.Nodes;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Understanding;

namespace OvopBot.Flows.Answers;

/// <summary>A number ("1.500", "2,5", "sekitar 40", "lima puluh"), checked against <c>min</c>/<c>max</c>.</summary>
public sealed class NumberInterpreter : IAnswerInterpreter
{
    public AnswerKind Kind => AnswerKind.Number;

    public Interpretation Interpret(AnswerInput input)
    {
        if (NumberParser.TooLarge(input.Text))
        {
            return new Rejected("number_huge");
        }

        if (!NumberParser.TryParse(input.Text, out var value))
        {
            return new Rejected("number_unclear", AnswerValues.Limits(input.Node, input.Language));
        }

        return (Interpretation?)RangeCheck(input, value) ?? new Accepted(JsonValue.Create(value));
    }

    /// <summary>Shared with money: null when the value is within the node's limits.</summary>
    internal static Rejected? RangeCheck(AnswerInput input, decimal value, Func<decimal, string>? format = null)
    {
        var values = AnswerValues.Limits(input.Node, input.Language);
        if (format is not null)
        {
            values["min"] = input.Node.Min is { } mn ? format(mn) : "";
            values["max"] = input.Node.Max is { } mx ? format(mx) : "";
        }

        if (value < (input.Node.Min ?? 0))
        {
            values["min"] = values["min"].Length == 0 ? "0" : values["min"];
            return new Rejected("number_too_small", values);
        }

        return input.Node.Max is { } max && value > max ? new Rejected("number_too_large", values) : null;
    }

    public string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language)
    {
        var number = AnswerValues.AsDecimal(value);
        return number is null ? "" : $"{AnswerValues.Number(number.Value)} {node.Unit?.Get(language)}".TrimEnd();
    }
}
