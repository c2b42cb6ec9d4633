using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Understanding;

namespace OvopBot.Flows.Answers;

/// <summary>
/// Several options ("1,3", "1 dan 3", "semua", labels). <c>min</c>/<c>max</c> count the options (default 1..all).
/// The saved value is an array of option keys in option order.
/// </summary>
public sealed class MultiChoiceInterpreter : IAnswerInterpreter
{
    public AnswerKind Kind => AnswerKind.MultiChoice;

    public Interpretation Interpret(AnswerInput input)
    {
        var node = input.Node;
        IReadOnlyList<string>? keys = input.Message.Kind == InboundKind.Choice &&
            node.Options.Any(o => o.Key == input.Message.ChoiceId)
            ? [input.Message.ChoiceId!]
            : ChoiceMatcher.MatchMany(input.Text, ChoiceInterpreter.Candidates(node));
        if (keys is null || keys.Count == 0)
        {
            return new Rejected("multichoice_unclear");
        }

        var values = AnswerValues.Limits(node, input.Language);
        if (keys.Count < (node.Min ?? 1))
        {
            return new Rejected("multichoice_unclear", values);
        }

        if (node.Max is { } max && keys.Count > max)
        {
            return new Rejected("multichoice_too_many", values);
        }

        return new Accepted(new JsonArray(keys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()));
    }

    public string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language) =>
        value is JsonArray array
            ? string.Join("; ", array.Select(k => AnswerValues.OptionLabel(node, k?.ToString() ?? "", language)))
            : "";
}
