using System.Text.Json.Nodes;

namespace OvopBot.Flows.Engine;

/// <summary>Something that happened in a step that the store must act on (besides saving the new state).</summary>
public abstract record FlowEvent;

/// <summary>An answer was saved (or cleared, when <see cref="Value"/> is null) for a field.</summary>
public sealed record AnswerSaved(string NodeId, string Field, JsonNode? Value) : FlowEvent;

/// <summary>
/// The person confirmed the summary: the submission is complete (again, after an update). <see cref="Fixed"/> names
/// the fields a facilitator asked to fix when this completes such a round (the history says why it changed).
/// </summary>
public sealed record SubmissionCompleted(IReadOnlyDictionary<string, JsonNode?> Answers, IReadOnlyList<string>? Fixed = null) : FlowEvent;

/// <summary>The person finished a proposed change to another person's record: store it next to that record.</summary>
public sealed record ProposalCompleted(long SubmissionId, IReadOnlyDictionary<string, JsonNode?> Answers) : FlowEvent;

/// <summary>The person asked for the facilitator of the village's area (about a record they may not change).</summary>
public sealed record FacilitatorAsked(string VillageCode) : FlowEvent;

/// <summary>The person answered the consent question (its text version is the flow's, its time the step's).</summary>
public sealed record ConsentAnswered(bool Given) : FlowEvent;

/// <summary>The person confirmed HAPUS DATA: erase their personal data.</summary>
public sealed record ErasureRequested : FlowEvent;

/// <summary>The person declined consent.</summary>
public sealed record ConversationDeclined : FlowEvent;

/// <summary>The person started over; the draft answers were cleared.</summary>
public sealed record ConversationRestarted : FlowEvent;

/// <summary>The person asked to receive no more broadcasts or reminders (BERHENTI/STOP).</summary>
public sealed record OptedOut : FlowEvent;

/// <summary>The person asked to receive broadcasts again (MULAI).</summary>
public sealed record OptedIn : FlowEvent;

/// <summary>The person chose another language.</summary>
public sealed record LanguageChanged(string Language) : FlowEvent;

/// <summary>The person sent a deep-link or invite payload with /start (e.g. "/start CODE").</summary>
public sealed record StartPayloadReceived(string Payload) : FlowEvent;

/// <summary>
/// The step entered <see cref="FlowEngine.MaxNodesPerStep"/> nodes without stopping at a question: the flow loops.
/// The step ends where it is (nothing is lost) and the processor logs this as an error naming the node.
/// </summary>
public sealed record StepLimitReached(string FlowId, string NodeId) : FlowEvent;

/// <summary>The conversation took over an existing submission to update it (one village, one product).</summary>
public sealed record SubmissionClaimed(long SubmissionId) : FlowEvent;

/// <summary>
/// The person wants a person (PENDAMPING) or sent a voice note where text was expected: their message goes to the
/// facilitators covering their village, with the question they are at (<see cref="NodeId"/>).
/// </summary>
public sealed record HandoffRequested(string? Text, string? MediaRef, string? MediaPath, string? NodeId) : FlowEvent;
