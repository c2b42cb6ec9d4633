using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;

namespace OvopBot.Flows.Engine;

/// <summary>What an interpreter gets: the question, the message (text already cleaned) and the language.</summary>
public sealed record AnswerInput(FlowDefinition Flow, FlowNode Node, InboundMessage Message, string Text, string Language)
{
    /// <summary>Facts from outside the conversation (existing submissions); empty in plain flow tests.</summary>
    public IFlowContext Context { get; init; } = EmptyFlowContext.Instance;

    /// <summary>A flow text in the person's language.</summary>
    public string T(string key, IReadOnlyDictionary<string, string>? values = null) => Flow.Text(key, Language, values);
}
