using System.Text.Json.Nodes;

namespace OvopBot.Flows.Engine;

/// <summary>
/// Read-only facts from outside the conversation that a step may need (is this village already registered?). The
/// store answers them inside the step's transaction; the engine itself still does no I/O. Tests pass a dictionary.
/// </summary>
public interface IFlowContext
{
    /// <summary>The village's current submission, unless it is the one this conversation is already working on.</summary>
    ExistingSubmission? FindSubmission(string villageCode);

    /// <summary>The stored answers of a submission (to update it).</summary>
    IReadOnlyDictionary<string, JsonNode?> SubmissionAnswers(long submissionId);
}

/// <summary>A village's existing submission, as the person is told about it.</summary>
public sealed record ExistingSubmission(long Id, string Status, string? Product, string? SubmittedBy, DateTimeOffset? SubmittedAt);

/// <summary>The context when nothing outside the conversation is known (flow tests, tools).</summary>
public sealed class EmptyFlowContext : IFlowContext
{
    public static readonly EmptyFlowContext Instance = new();

    public ExistingSubmission? FindSubmission(string villageCode) => null;

    public IReadOnlyDictionary<string, JsonNode?> SubmissionAnswers(long submissionId) => new Dictionary<string, JsonNode?>();
}
