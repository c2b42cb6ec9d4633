using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;

namespace OvopBot.Flows.Engine;

/// <summary>What an interpreter gets: the question, the message (text already cleaned) and the language.</summary>
public sealed record AnswerInput(FlowDefinition Flow, FlowNode Node, InboundMessage Message, string Text, string Language)
{
    /// <summary>A flow text in the person's language.</summary>
    public string T(string key, IReadOnlyDictionary<string, string>? values = null) => Flow.Text(key, Language, values);
}
