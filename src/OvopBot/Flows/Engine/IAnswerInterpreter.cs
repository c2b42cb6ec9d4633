using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;

namespace OvopBot.Flows.Engine;

/// <summary>
/// Understands answers of one <see cref="AnswerKind"/>. Interpreters are pure: no I/O, no clock; anything they need
/// (the village list, say) is given to them when they are built.
/// </summary>
public interface IAnswerInterpreter
{
    AnswerKind Kind { get; }

    Interpretation Interpret(AnswerInput input);

    /// <summary>Continues a <see cref="FollowUp"/> dialog; kinds without follow-ups never get here.</summary>
    Interpretation Continue(AnswerInput input, JsonObject data) => Interpret(input);

    /// <summary>
    /// Whether <see cref="Interpret"/> (or <see cref="Continue"/>) may use this message's file, asked before the file is
    /// downloaded (FlowEngine.TakesMedia). Kinds that read no media keep the default.
    /// </summary>
    bool TakesMedia(InboundMessage message) => false;

    /// <summary>How a saved value reads in the summary.</summary>
    string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language);
}
