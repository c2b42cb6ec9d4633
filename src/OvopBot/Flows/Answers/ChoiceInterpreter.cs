using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Understanding;

namespace OvopBot.Flows.Answers;

/// <summary>
/// One option, by number ("2", "2.", "dua"), label, alias or a near-miss of a label (then confirmed first), or a
/// tapped button. The saved value is the option key.
/// </summary>
public sealed class ChoiceInterpreter : IAnswerInterpreter
{
    public AnswerKind Kind => AnswerKind.Choice;

    public Interpretation Interpret(AnswerInput input)
    {
        var node = input.Node;
        if (input.Message.Kind == InboundKind.Choice && node.Options.Any(o => o.Key == input.Message.ChoiceId))
        {
            return new Accepted(JsonValue.Create(input.Message.ChoiceId));
        }

        var match = ChoiceMatcher.Match(input.Text, Candidates(node));
        return match.Kind switch
        {
            ChoiceMatchKind.Exact => new Accepted(JsonValue.Create(match.Keys[0])),
            ChoiceMatchKind.Probable => new NeedsConfirmation(JsonValue.Create(match.Keys[0])!,
                AnswerValues.OptionLabel(node, match.Keys[0], input.Language)),
            _ => new Rejected("choice_unclear", new Dictionary<string, string> { ["count"] = node.Options.Count.ToString(AnswerValues.IndonesianNumbers) }),
        };
    }

    /// <summary>Every way an option may be named: its key, its label in every language, its aliases.</summary>
    internal static IReadOnlyList<ChoiceCandidate> Candidates(FlowNode node) =>
        node.Options.Select(o => new ChoiceCandidate(o.Key,
            o.Label.Languages.Select(o.Label.Get).Concat(o.Aliases).Append(o.Key).ToList())).ToList();

    public string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language) =>
        AnswerValues.AsString(value) is { } key ? AnswerValues.OptionLabel(node, key, language) : "";
}
