using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;

namespace OvopBot.Storage;

/// <summary>
/// Keeps the <c>submissions</c> row of a conversation up to date: a draft follows every answer; a submit copies the
/// answers, bumps the revision, writes a history row and gives the reference number (once, kept on updates).
/// Edits after a submit stay in the session until the person submits again, so exports never show unconfirmed data.
/// </summary>
public static class SubmissionStore
{
    /// <summary>The answer field holding the village ({code, name, …}); its code ties the submission to a village.</summary>
    public const string VillageField = "village";

    public static long CreateDraft(WriteTransaction write, long contactId, IReadOnlyDictionary<string, JsonNode?> answers, DateTimeOffset now)
    {
        var time = DbTime.Write(now);
        var (code, name) = Village(answers);
        return write.Connection.ExecuteScalar<long>(
            """
            INSERT INTO submissions (contact_id, village_code, village_name, status, answers_json, started_at, updated_at)
            VALUES (@contactId, @code, @name, 'draft', @json, @time, @time) RETURNING id
            """,
            new { contactId, code, name, json = Serialize(answers), time }, write.Transaction);
    }

    public static string Status(WriteTransaction write, long submissionId) =>
        write.Connection.QuerySingle<string>("SELECT status FROM submissions WHERE id = @submissionId", new { submissionId }, write.Transaction);

    /// <summary>Removes a draft this conversation leaves behind (it took over another submission).</summary>
    public static void DeleteDraft(WriteTransaction write, long? submissionId)
    {
        if (submissionId is not null)
        {
            // The session still points at the draft; it is re-pointed when the step saves it, in this transaction.
            write.Connection.Execute(
                """
                UPDATE sessions SET submission_id = NULL WHERE submission_id = @submissionId
                  AND (SELECT status FROM submissions WHERE id = @submissionId) = 'draft';
                DELETE FROM submissions WHERE id = @submissionId AND status = 'draft';
                """,
                new { submissionId }, write.Transaction);
        }
    }

    public static string? Reference(WriteTransaction write, long submissionId) =>
        write.Connection.QuerySingleOrDefault<string?>("SELECT reference FROM submissions WHERE id = @submissionId", new { submissionId }, write.Transaction);

    /// <summary>Mirrors the answers into a draft (no-op for a submitted row: it changes only on submit).</summary>
    public static void UpdateDraft(WriteTransaction write, long submissionId, long contactId, IReadOnlyDictionary<string, JsonNode?> answers, DateTimeOffset now)
    {
        var (code, name) = Village(answers);
        write.Prepared(
            """
            UPDATE submissions SET answers_json = @json, village_code = @code, village_name = @name,
                   contact_id = @contactId, updated_at = @time
            WHERE id = @submissionId AND status = 'draft'
            """,
            ("@submissionId", submissionId), ("@contactId", contactId), ("@code", code), ("@name", name), ("@json", Serialize(answers)),
            ("@time", DbTime.Write(now))).ExecuteNonQuery();
    }

    /// <summary>
    /// Marks the submission submitted with these answers; returns its reference number. A record already seen by a
    /// reviewer (verified, or sent back for fixing) goes back to review as resubmitted; the history row says who
    /// (<paramref name="changedBy"/> for staff, the contact otherwise) and why (<paramref name="reason"/>).
    /// </summary>
    public static string Submit(WriteTransaction write, long submissionId, long contactId, IReadOnlyDictionary<string, JsonNode?> answers, DateTimeOffset now,
        string reason = "submitted", string? changedBy = null)
    {
        var time = DbTime.Write(now);
        var json = Serialize(answers);
        var (code, name) = Village(answers);
        var existing = write.Connection.QuerySingle<(string? Reference, long Revision)>(
            "SELECT reference, revision FROM submissions WHERE id = @submissionId", new { submissionId }, write.Transaction);
        var reference = existing.Reference ?? NewReference(write, submissionId, code);
        var revision = existing.Revision + 1;
        write.Connection.Execute(
            """
            UPDATE submissions SET status = 'submitted', reference = @reference, revision = @revision, answers_json = @json,
                   village_code = @code, village_name = @name, contact_id = @contactId,
                   submitted_at = coalesce(submitted_at, @time), updated_at = @time,
                   review_state = CASE WHEN review_state IN ('verified', 'needs_fixing', 'resubmitted') THEN 'resubmitted' ELSE 'submitted' END,
                   fix_fields = NULL
            WHERE id = @submissionId
            """,
            new { submissionId, reference, revision, json, code, name, contactId, time }, write.Transaction);
        AddHistory(write, submissionId, revision, contactId, json, now, reason, changedBy);
        return reference;
    }

    /// <summary>One line of a record's history: the answers at that revision, who changed it and why.</summary>
    public static void AddHistory(WriteTransaction write, long submissionId, long revision, long contactId, string answersJson, DateTimeOffset now,
        string reason, string? changedBy) =>
        write.Connection.Execute(
            """
            INSERT INTO submission_history (submission_id, revision, contact_id, answers_json, changed_at, changed_by, reason)
            VALUES (@submissionId, @revision, @contactId, @answersJson, @time, @changedBy, @reason)
            """,
            new { submissionId, revision, contactId, answersJson, time = DbTime.Write(now), changedBy, reason }, write.Transaction);

    /// <summary>
    /// <c>OVOP-5301082003-1</c>: the village code's digits and the village's submission count, so a reference names
    /// its village; <c>OVOP-000042</c> when no official village code is known.
    /// </summary>
    private static string NewReference(WriteTransaction write, long submissionId, string? villageCode)
    {
        if (villageCode is null)
        {
            return $"OVOP-{submissionId:D6}";
        }

        var prefix = $"OVOP-{villageCode.Replace(".", "", StringComparison.Ordinal)}-";
        var taken = write.Connection.ExecuteScalar<long>(
            "SELECT count(*) FROM submissions WHERE reference LIKE @pattern", new { pattern = prefix + "%" }, write.Transaction);
        return prefix + (taken + 1);
    }

    public static IReadOnlyDictionary<string, JsonNode?> Deserialize(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonNode?>>(json, SessionStore.Json) ?? [];

    private static (string? Code, string? Name) Village(IReadOnlyDictionary<string, JsonNode?> answers) =>
        answers.TryGetValue(VillageField, out var village) && village is JsonObject o
            ? (o["code"]?.ToString(), o["name"]?.ToString())
            : (null, null);

    public static string Serialize(IReadOnlyDictionary<string, JsonNode?> answers) =>
        JsonSerializer.Serialize(answers, SessionStore.Json);
}
