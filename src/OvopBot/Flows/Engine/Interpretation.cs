using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Flows.Engine;

/// <summary>What an answer interpreter made of a message for the current question.</summary>
public abstract record Interpretation;

/// <summary>Understood: save this value and move on.</summary>
public sealed record Accepted(JsonNode? Value) : Interpretation;

/// <summary>Probably this, but not certain: ask "did you mean {Display}?" before saving.</summary>
public sealed record NeedsConfirmation(JsonNode Value, string Display) : Interpretation;

/// <summary>Not usable: reply with the flow text <see cref="TextKey"/> (placeholders from <see cref="Values"/>) and ask again.</summary>
public sealed record Rejected(string TextKey, IReadOnlyDictionary<string, string>? Values = null) : Interpretation;

/// <summary>
/// A multi-step answer needs another question first (e.g. choose among villages). <see cref="Data"/> comes back to
/// the interpreter's <see cref="IAnswerInterpreter.Continue"/> with the next message.
/// </summary>
public sealed record FollowUp(OutboundMessage Reply, JsonObject Data) : Interpretation;

/// <summary>
/// The person chose to update an existing submission (their village already has one): its answers are loaded into
/// the conversation, <see cref="Value"/> is saved for the node, and the person goes to the summary to change them.
/// </summary>
public sealed record AcceptedUpdate(JsonNode Value, long SubmissionId, string IntroTextKey) : Interpretation;

/// <summary>
/// Someone who may not update the village's record chose to propose a change: <see cref="Value"/> is saved and the
/// conversation goes on with empty answers (the record's are not shown); at the end the answers become a proposal
/// stored next to the record, and <see cref="IntroTextKey"/> explains that first.
/// </summary>
public sealed record AcceptedProposal(JsonNode Value, long SubmissionId, string IntroTextKey) : Interpretation;

/// <summary>The person asked for the area's facilitator about this village; the question is asked again after <see cref="TextKey"/>.</summary>
public sealed record FacilitatorRequested(string VillageCode, string TextKey) : Interpretation;
