using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Understanding;

namespace OvopBot.Flows.Answers;

/// <summary>A phone number ("0812-3456-7890", "+62 812…") or a shared contact; saved in E.164 ("+62812…").</summary>
public sealed class PhoneInterpreter : IAnswerInterpreter
{
    public AnswerKind Kind => AnswerKind.Phone;

    public Interpretation Interpret(AnswerInput input)
    {
        var raw = input.Message.Kind == InboundKind.Contact ? input.Message.Phone ?? input.Text : input.Text;
        return PhoneParser.Normalize(raw) is { } phone ? new Accepted(JsonValue.Create(phone)) : new Rejected("phone_unclear");
    }

    public string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language) =>
        AnswerValues.AsString(value) ?? "";
}
