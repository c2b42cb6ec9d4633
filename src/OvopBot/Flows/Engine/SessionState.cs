using System.Text.Json.Nodes;

namespace OvopBot.Flows.Engine;

/// <summary>Where a person's conversation stands overall.</summary>
public enum SessionStatus
{
    NotStarted,
    Active,
    Submitted,
    Declined,
}

/// <summary>
/// Everything the engine knows about one person's conversation. It is a plain value: the store saves it as JSON
/// after every step and the engine gets it back on the next message, days later or after a restart.
/// </summary>
public sealed record SessionState
{
    public string FlowId { get; init; } = "";
    public SessionStatus Status { get; init; } = SessionStatus.NotStarted;
    public string Language { get; init; } = "id";
    /// <summary>The question node waiting for an answer; null before the start and after the end.</summary>
    public string? NodeId { get; init; }
    /// <summary>Saved answers by field (<c>product.name</c> → value).</summary>
    public Dictionary<string, JsonNode?> Answers { get; init; } = [];
    /// <summary>Questions answered so far, newest last, so BACK can return to the previous one.</summary>
    public List<string> History { get; init; } = [];
    /// <summary>A follow-up question in progress (did-you-mean, language choice, restart confirmation…).</summary>
    public PendingQuestion? Pending { get; init; }
    /// <summary>Set while changing one answer from the summary: after it the person returns to this node.</summary>
    public string? ReturnTo { get; init; }
    /// <summary>When the person last wrote, or was last reminded of the current question.</summary>
    public DateTimeOffset? LastActivityAt { get; init; }
    /// <summary>The submission's reference number, once the store has given it one.</summary>
    public string? Reference { get; init; }
    /// <summary>A phone number the platform vouches for (WhatsApp sender); phone questions are then not asked.</summary>
    public string? ChannelPhone { get; init; }
    /// <summary>Consecutive answers the current question could not use; the help hint appears after a few.</summary>
    public int Misses { get; init; }
    /// <summary>A facilitator asked to answer these questions again: only they are asked, then the record is sent again.</summary>
    public FixRound? Fix { get; init; }
    /// <summary>Set while the person composes a proposed change to another person's record (this submission).</summary>
    public long? ProposalFor { get; init; }
}

/// <summary>The questions (node ids, in flow order) still to answer again, and the answer fields the round covers.</summary>
public sealed record FixRound(IReadOnlyList<string> Remaining, IReadOnlyList<string> Fields);

/// <summary>A short follow-up the engine asked; <see cref="Data"/> holds what it needs to understand the reply.</summary>
public sealed record PendingQuestion(PendingKind Kind, JsonObject? Data = null);

public enum PendingKind
{
    /// <summary>"Did you mean X? 1. Yes 2. No" for a near-miss; Data: key/value to save.</summary>
    ConfirmAnswer,
    /// <summary>Which language? Numbered list of the flow's languages.</summary>
    ChooseLanguage,
    /// <summary>Really start over? Yes/No.</summary>
    ConfirmRestart,
    /// <summary>After the end: look at / change the answers, or nothing.</summary>
    FinishedMenu,
    /// <summary>A multi-step answer (the village search) keeps its own state in Data.</summary>
    AnswerDialog,
    /// <summary>Really erase my personal data (HAPUS DATA)? Yes/No.</summary>
    ConfirmErase,
}
