using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using OvopBot.Flows.Engine;
using OvopBot.Privacy;
using OvopBot.Records;
using OvopBot.Storage;

namespace OvopBot.Conversations;

/// <summary>Answers the engine's questions about other submissions from the store, inside the step's transaction.</summary>
internal sealed class StoreFlowContext(WriteTransaction write, long contactId, long? ownSubmissionId) : IFlowContext
{
    public ExistingSubmission? FindSubmission(string villageCode)
    {
        var row = write.Connection.QueryFirstOrDefault<(long Id, string Status, string AnswersJson, string? SubmittedAt)?>(
            """
            SELECT id, status, answers_json, submitted_at FROM submissions
            WHERE village_code = @villageCode AND status <> 'draft' AND id IS NOT @ownSubmissionId
            ORDER BY id LIMIT 1
            """,
            new { villageCode, ownSubmissionId }, write.Transaction);
        if (row is not { } r)
        {
            return null;
        }

        var answers = JsonNode.Parse(r.AnswersJson)!.AsObject();
        return new ExistingSubmission(r.Id, r.Status, answers["product.name"]?.ToString(), answers["respondent.name"]?.ToString(),
            DbTime.ReadNullable(r.SubmittedAt), RecordAccess.MayUpdate(write.Connection, write.Transaction, r.Id, contactId));
    }

    public IReadOnlyDictionary<string, JsonNode?> SubmissionAnswers(long submissionId)
    {
        var json = write.Connection.QuerySingle<string>("SELECT answers_json FROM submissions WHERE id = @submissionId",
            new { submissionId }, write.Transaction);
        return JsonSerializer.Deserialize<Dictionary<string, JsonNode?>>(json, SessionStore.Json) ?? [];
    }

    public PersonalData? PersonalData() => PersonalDataQuery.Load(write.Connection, write.Transaction, contactId);
}
