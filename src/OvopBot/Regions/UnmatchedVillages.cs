using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using OvopBot.Conversations;
using OvopBot.Flows.Answers;
using OvopBot.Flows.Loading;
using OvopBot.Storage;

namespace OvopBot.Regions;

/// <summary>A registration whose village was kept as typed, waiting for a facilitator to pick the official village.</summary>
public sealed record UnmatchedVillage(long SubmissionId, string Typed, string? Person, string Contact, string Status, DateTimeOffset StartedAt);

/// <summary>
/// Villages people typed that the official list did not know (kept as typed after two tries): the list facilitators
/// work through (chat COCOKKAN, CLI <c>regions unmatched</c>), and the match that gives the registration its official
/// village, in the submission and in the person's conversation alike.
/// </summary>
public sealed class UnmatchedVillages(SqliteDatabase database, RegionCatalog catalog, RegionScope scope, FlowCatalog flows,
    IOptions<ConversationOptions> conversation, TimeProvider time)
{
    private const string Unmatched = "json_extract(s.answers_json, '$.village.unmatched') = 1";

    public async Task<IReadOnlyList<UnmatchedVillage>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<(long Id, string Typed, string? Person, string Contact, string Status, string StartedAt)>(new CommandDefinition(
            $"""
            SELECT s.id, json_extract(s.answers_json, '$.village.name'), json_extract(s.answers_json, '$."respondent.name"'),
                   c.channel || ':' || c.address, s.status, s.started_at
            FROM submissions s JOIN contacts c ON c.id = s.contact_id
            WHERE s.village_code IS NULL AND {Unmatched}
            ORDER BY s.id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new UnmatchedVillage(r.Id, r.Typed, r.Person, r.Contact, r.Status, DbTime.Read(r.StartedAt))).ToList();
    }

    /// <summary>Why a match was refused, or null when it was made (the command line: a transaction of its own).</summary>
    public async Task<MatchRefusal?> MatchAsync(long submissionId, string villageCode, IReadOnlyList<string>? staffScopes, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        var refusal = Match(write, submissionId, villageCode, staffScopes, time.GetUtcNow());
        write.Commit();
        return refusal;
    }

    /// <summary>Why a match was refused, or null when it was made, inside the caller's transaction (a staff message's).</summary>
    public MatchRefusal? Match(WriteTransaction write, long submissionId, string villageCode, IReadOnlyList<string>? staffScopes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (catalog.Village(villageCode) is null || !scope.Contains(villageCode))
        {
            return MatchRefusal.UnknownVillage;
        }

        if (staffScopes is not null && !staffScopes.Any(s => RegionCode.IsWithin(villageCode, s)))
        {
            return MatchRefusal.OutsideScope;
        }

        var flow = flows[conversation.Value.Flow];
        var answer = VillageInterpreter.Answer(catalog, flow, flow.DefaultLanguage, villageCode).ToJsonString();
        var changed = write.Connection.Execute(
            $"""
            UPDATE submissions AS s SET answers_json = json_set(s.answers_json, '$.village', json(@answer)),
                   village_code = @villageCode, village_name = @name, updated_at = @now
            WHERE s.id = @submissionId AND s.village_code IS NULL AND {Unmatched}
            """,
            new { submissionId, villageCode, name = catalog.Village(villageCode)!.Name, answer, now = DbTime.Write(now) },
            write.Transaction);
        if (changed == 0)
        {
            return MatchRefusal.UnknownRegistration;
        }

        // The person's conversation shows the same village from now on (summary, status).
        write.Connection.Execute(
            "UPDATE sessions SET state_json = json_set(state_json, '$.answers.village', json(@answer)) WHERE submission_id = @submissionId",
            new { submissionId, answer }, write.Transaction);
        return null;
    }
}

public enum MatchRefusal
{
    UnknownRegistration,
    UnknownVillage,
    OutsideScope,
}
