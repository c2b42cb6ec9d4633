using System.Text.Json.Nodes;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;

namespace OvopBot.Flows.Answers;

/// <summary>
/// The village answer as typed, used when no official village list is loaded (for example in flow tests that do not
/// need one). The saved value has the same shape as an official match, without a code: <c>{"name": …}</c>.
/// </summary>
public sealed class FreeTextVillageInterpreter : IAnswerInterpreter
{
    private readonly TextInterpreter _text = new();

    public AnswerKind Kind => AnswerKind.Village;

    public Interpretation Interpret(AnswerInput input) => _text.Interpret(input) switch
    {
        Accepted accepted => new Accepted(new JsonObject { ["name"] = accepted.Value?.DeepClone() }),
        var other => other,
    };

    public string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language) =>
        value?["display"]?.ToString() ?? value?["name"]?.ToString() ?? "";
}
