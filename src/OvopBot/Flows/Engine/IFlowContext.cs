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

    /// <summary>What is stored about the person writing (DATA SAYA), or null when nothing is.</summary>
    PersonalData? PersonalData();
}

/// <summary>
/// A village's existing submission, as the person is told about it. <see cref="MayUpdate"/>: the person is its
/// respondent or attached to it by a facilitator; anyone else learns only that it exists and its product.
/// </summary>
public sealed record ExistingSubmission(long Id, string Status, string? Product, string? SubmittedBy, DateTimeOffset? SubmittedAt,
    bool MayUpdate = true);

/// <summary>
/// What is stored about one person: the contact, the consent given, the records they answered, counts — over all
/// their linked channels, whose other contacts are <see cref="OtherContacts"/>.
/// </summary>
public sealed record PersonalData(string Channel, string Address, string? Name, string? Phone, bool? Consent, DateTimeOffset? ConsentAt,
    string? ConsentVersion, IReadOnlyList<PersonalRecord> Records, int Messages, int MediaFiles, int Proposals,
    IReadOnlyList<PersonalContact>? OtherContacts = null);

/// <summary>Another channel address of the same person (linked by phone number or by code).</summary>
public sealed record PersonalContact(string Channel, string Address, string? Name, string? Phone);

/// <summary>One record the person answered: its village, reference and the answers as stored.</summary>
public sealed record PersonalRecord(string? Village, string? Reference, string Status, IReadOnlyDictionary<string, JsonNode?> Answers);

/// <summary>The context when nothing outside the conversation is known (flow tests, tools).</summary>
public sealed class EmptyFlowContext : IFlowContext
{
    public static readonly EmptyFlowContext Instance = new();

    public ExistingSubmission? FindSubmission(string villageCode) => null;

    public IReadOnlyDictionary<string, JsonNode?> SubmissionAnswers(long submissionId) => new Dictionary<string, JsonNode?>();

    public PersonalData? PersonalData() => null;
}
