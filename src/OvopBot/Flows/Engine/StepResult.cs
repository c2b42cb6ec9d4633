using OvopBot.Channels.Abstractions;

namespace OvopBot.Flows.Engine;

/// <summary>What one engine step produced: the new state, the replies to send, and what happened.</summary>
public sealed record StepResult(SessionState State, IReadOnlyList<OutboundMessage> Replies, IReadOnlyList<FlowEvent> Events);
