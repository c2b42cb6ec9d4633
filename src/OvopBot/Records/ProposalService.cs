using System.Data;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using OvopBot.Conversations;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Reviews;
using OvopBot.Roles;
using OvopBot.Storage;

namespace OvopBot.Records;

/// <summary>A proposed change as the facilitator reads it: what would change, answer by answer.</summary>
public sealed record ProposalView(long Id, long SubmissionId, string? VillageName, string? Reference, string Status,
    IReadOnlyList<ProposalChange> Changes);

/// <summary>One answer a proposal changes: its label, the record's value and the proposed one.</summary>
public sealed record ProposalChange(string Label, string Current, string Proposed);

/// <summary>
/// Proposed changes to a village's record by someone who may not update it: stored next to the record (never over
/// it), the respondent and the area's facilitators told; the facilitator accepts (the proposal's product answers
/// become the record, with a history row) or rejects, and the respondent and the proposer hear which. The web and the
/// command line decide through the <c>…Async</c> methods (a transaction of their own); the chat's review dialog through
/// <see cref="Show"/> and <see cref="Decide"/>, in the message's transaction.
/// </summary>
public sealed class ProposalService(SqliteDatabase database, FlowCatalog flows, IOptions<ConversationOptions> options, FlowEngine engine,
    ReviewerScopes scopes, TimeProvider time, Signals signals)
{
    /// <summary>The proposer's own details (who they are) never replace the respondent's in the record.</summary>
    private static bool IsRecordField(string field) => !field.StartsWith("respondent.", StringComparison.Ordinal) && field != FlowEngine.ConsentField;

    private FlowDefinition Flow => flows[options.Value.Flow];

    /// <summary>Stores a proposal in the caller's transaction and tells the record's respondent and area staff; returns the channels to wake.</summary>
    public static IReadOnlyList<string> Add(WriteTransaction write, FlowDefinition flow, long submissionId, long proposerId,
        IReadOnlyDictionary<string, JsonNode?> answers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(flow);
        write.Connection.Execute(
            """
            INSERT INTO submission_proposals (submission_id, contact_id, answers_json, status, created_at)
            VALUES (@submissionId, @proposerId, @json, 'pending', @now)
            """,
            new { submissionId, proposerId, json = SubmissionStore.Serialize(answers), now = DbTime.Write(now) }, write.Transaction);
        var record = write.Connection.QuerySingle<(long ContactId, string? VillageCode, string? VillageName, string? Reference)>(
            "SELECT contact_id, village_code, village_name, reference FROM submissions WHERE id = @submissionId", new { submissionId }, write.Transaction);
        var values = new Dictionary<string, string> { ["village"] = record.VillageName ?? "-", ["reference"] = record.Reference ?? "-" };
        var channels = new List<string?> { PersonNotice.Send(write, flow, record.ContactId, "proposal_owner_notice", values, now) };
        channels.AddRange(AreaStaff.Of(write, record.VillageCode ?? "").Select(staff => PersonNotice.Send(write, flow, staff, "staff_proposal_notice", values, now)));
        return channels.OfType<string>().Distinct().ToList();
    }

    /// <summary>The proposal with what it would change, if it is in the reviewer's regions.</summary>
    public async Task<(ReviewOutcome Outcome, ProposalView? View)> ShowAsync(Reviewer reviewer, long proposalId, string language, CancellationToken cancellationToken)
    {
        var regions = await scopes.OfAsync(reviewer, cancellationToken);
        await using var connection = database.Open();
        return Show(connection, null, regions, proposalId, language);
    }

    /// <summary><see cref="ShowAsync"/> on the caller's connection (a staff dialog: the message's write transaction).</summary>
    public (ReviewOutcome Outcome, ProposalView? View) Show(IDbConnection connection, IDbTransaction? transaction, IReadOnlyList<string> regions,
        long proposalId, string language)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(regions);
        var row = Load(connection, transaction, proposalId);
        var outcome = Check(regions, row);
        if (outcome != ReviewOutcome.Done)
        {
            return (outcome, null);
        }

        var flow = Flow;
        language = flow.LanguageOrDefault(language);
        var current = RecordLines.Of(engine, flow, SubmissionStore.Deserialize(row!.RecordJson), language).ToDictionary(l => l.Field);
        var changes = RecordLines.Of(engine, flow, SubmissionStore.Deserialize(row.ProposalJson), language)
            .Where(l => IsRecordField(l.Field) && (!current.TryGetValue(l.Field, out var now) || now.Value != l.Value))
            .Select(l => new ProposalChange(l.Label, current.TryGetValue(l.Field, out var now) ? now.Value : "-", l.Value))
            .ToList();
        return (ReviewOutcome.Done, new ProposalView(proposalId, row.SubmissionId, row.VillageName, row.Reference, row.Status, changes));
    }

    /// <summary>The proposal's answers (not the proposer's own details) become the record: a new revision, verified by the reviewer.</summary>
    public Task<ReviewOutcome> AcceptAsync(Reviewer reviewer, long proposalId, CancellationToken cancellationToken) =>
        DecideAsync(reviewer, proposalId, accept: true, cancellationToken);

    /// <summary>The record stays as it is; the respondent and the proposer are told.</summary>
    public Task<ReviewOutcome> RejectAsync(Reviewer reviewer, long proposalId, CancellationToken cancellationToken) =>
        DecideAsync(reviewer, proposalId, accept: false, cancellationToken);

    /// <summary>Lets another person (a village secretary) update the record as its respondent does.</summary>
    public async Task<ReviewOutcome> AttachAsync(Reviewer reviewer, long submissionId, ContactRef person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var regions = await scopes.OfAsync(reviewer, cancellationToken);
        var now = time.GetUtcNow();
        using var write = await database.BeginWriteAsync(cancellationToken);
        var village = write.Connection.QuerySingleOrDefault<string?>(
            "SELECT coalesce(village_code, '') FROM submissions WHERE id = @submissionId AND status = 'submitted'", new { submissionId }, write.Transaction);
        var outcome = regions.Count == 0 ? ReviewOutcome.NoRole
            : village is null ? ReviewOutcome.NotFound
            : !ReviewerScopes.Covers(regions, village) ? ReviewOutcome.OutsideScope
            : ReviewOutcome.Done;
        if (outcome == ReviewOutcome.Done)
        {
            RecordAccess.Attach(write, submissionId, RoleStore.EnsureContact(write, person, now), reviewer.Name, now);
            write.Commit();
        }

        return outcome;
    }

    private async Task<ReviewOutcome> DecideAsync(Reviewer reviewer, long proposalId, bool accept, CancellationToken cancellationToken)
    {
        var scoped = await scopes.ScopedAsync(reviewer, cancellationToken);
        (ReviewOutcome Outcome, IReadOnlyList<string> Channels) decided;
        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            decided = Decide(write, scoped, proposalId, accept, time.GetUtcNow());
            write.Commit();
        }

        foreach (var channel in decided.Channels)
        {
            signals.Outbox(channel).Notify();
        }

        return decided.Outcome;
    }

    /// <summary>
    /// Accepts (the proposal's answers become the record, verified by the reviewer) or rejects a pending proposal in the
    /// caller's transaction (a staff dialog: the message's), telling the respondent and the proposer; returns their
    /// channels to wake once it is committed.
    /// </summary>
    public (ReviewOutcome Outcome, IReadOnlyList<string> Channels) Decide(WriteTransaction write, ScopedReviewer reviewer, long proposalId, bool accept,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(reviewer);
        var flow = Flow;
        var row = Load(write.Connection, write.Transaction, proposalId);
        var outcome = Check(reviewer.Regions, row);
        if (outcome != ReviewOutcome.Done)
        {
            return (outcome, []);
        }

        if (row!.Status != "pending")
        {
            return (ReviewOutcome.AlreadyDecided, []);
        }

        if (accept)
        {
            var merged = new Dictionary<string, JsonNode?>(SubmissionStore.Deserialize(row.RecordJson));
            foreach (var (field, value) in SubmissionStore.Deserialize(row.ProposalJson).Where(a => IsRecordField(a.Key)))
            {
                merged[field] = value?.DeepClone();
            }

            SubmissionStore.Submit(write, row.SubmissionId, row.OwnerId, merged, now,
                FormattableString.Invariant($"proposal {proposalId} by contact {row.ProposerId} accepted"), reviewer.Name);
            write.Connection.Execute(
                "UPDATE submissions SET review_state = 'verified', reviewed_by = @name, reviewed_at = @now, review_note = NULL WHERE id = @id",
                new { id = row.SubmissionId, name = reviewer.Name, now = DbTime.Write(now) }, write.Transaction);
        }

        write.Connection.Execute(
            "UPDATE submission_proposals SET status = @status, decided_by = @name, decided_at = @now WHERE id = @proposalId",
            new { proposalId, status = accept ? "accepted" : "rejected", name = reviewer.Name, now = DbTime.Write(now) }, write.Transaction);
        var values = new Dictionary<string, string> { ["village"] = row.VillageName ?? "-", ["reference"] = row.Reference ?? "-" };
        var channels = new List<string?>
        {
            PersonNotice.Send(write, flow, row.OwnerId, accept ? "proposal_owner_accepted" : "proposal_owner_rejected", values, now),
            PersonNotice.Send(write, flow, row.ProposerId, accept ? "proposal_proposer_accepted" : "proposal_proposer_rejected", values, now),
        };
        return (ReviewOutcome.Done, channels.OfType<string>().Distinct().ToList());
    }

    private static ReviewOutcome Check(IReadOnlyList<string> regions, StoredProposal? row) =>
        regions.Count == 0 ? ReviewOutcome.NoRole
        : row is null ? ReviewOutcome.NotFound
        : !ReviewerScopes.Covers(regions, row.VillageCode) ? ReviewOutcome.OutsideScope
        : ReviewOutcome.Done;

    private static StoredProposal? Load(IDbConnection connection, IDbTransaction? transaction, long proposalId) =>
        connection.QuerySingleOrDefault<StoredProposal?>(
            """
            SELECT p.id AS Id, p.submission_id AS SubmissionId, p.contact_id AS ProposerId, s.contact_id AS OwnerId, p.status AS Status,
                   p.answers_json AS ProposalJson, s.answers_json AS RecordJson, s.village_code AS VillageCode, s.village_name AS VillageName,
                   s.reference AS Reference
            FROM submission_proposals p JOIN submissions s ON s.id = p.submission_id WHERE p.id = @proposalId
            """, new { proposalId }, transaction);

    private sealed record StoredProposal(long Id, long SubmissionId, long ProposerId, long OwnerId, string Status, string ProposalJson,
        string RecordJson, string? VillageCode, string? VillageName, string? Reference);
}
