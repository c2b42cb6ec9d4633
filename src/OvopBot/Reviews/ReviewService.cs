using System.Data;
using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using OvopBot.Conversations;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Records;
using OvopBot.Storage;

namespace OvopBot.Reviews;

/// <summary>
/// Facilitator review of village records: list what awaits review in the reviewer's regions, show a record as
/// numbered answers, approve it (verified), or ask the village head to answer some questions again with a note
/// (needs fixing; the head's conversation asks exactly those, and the record comes back resubmitted). The web and the
/// command line call the <c>…Async</c> methods (a transaction of their own, the reviewer's regions read afresh); the
/// chat's review dialog (<c>Staff/ReviewActions.cs</c>) the same logic in the message's transaction, with the regions
/// the router read for that message. Every decision adds a history row with who and why.
/// </summary>
public sealed class ReviewService(SqliteDatabase database, FlowCatalog flows, IOptions<ConversationOptions> options, FlowEngine engine,
    ReviewerScopes scopes, TimeProvider time, Signals signals)
{
    private FlowDefinition Flow => flows[options.Value.Flow];

    /// <summary>Records awaiting review and pending proposals in the reviewer's regions, oldest first.</summary>
    public async Task<(ReviewOutcome Outcome, IReadOnlyList<ReviewItem> Items)> ListAsync(Reviewer reviewer, CancellationToken cancellationToken)
    {
        var regions = await scopes.OfAsync(reviewer, cancellationToken);
        await using var connection = database.Open();
        return List(connection, null, regions);
    }

    /// <summary><see cref="ListAsync"/> on the caller's connection (a staff dialog: the message's write transaction).</summary>
    public static (ReviewOutcome Outcome, IReadOnlyList<ReviewItem> Items) List(IDbConnection connection, IDbTransaction? transaction,
        IReadOnlyList<string> regions)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(regions);
        if (regions.Count == 0)
        {
            return (ReviewOutcome.NoRole, []);
        }

        var rows = connection.Query<(long Id, bool IsProposal, long SubmissionId, string? VillageCode, string? VillageName, string? Reference,
            string AnswersJson, string State, string UpdatedAt)>(
            """
            SELECT id, 0, id, village_code, village_name, reference, answers_json, review_state, updated_at
            FROM submissions WHERE review_state IN ('submitted', 'resubmitted')
            UNION ALL
            SELECT p.id, 1, s.id, s.village_code, s.village_name, s.reference, p.answers_json, 'proposal', p.created_at
            FROM submission_proposals p JOIN submissions s ON s.id = p.submission_id WHERE p.status = 'pending'
            ORDER BY 9, 1
            """, transaction: transaction);
        var items = rows.Where(r => ReviewerScopes.Covers(regions, r.VillageCode))
            .Select(r => new ReviewItem(r.Id, r.IsProposal, r.SubmissionId, r.VillageCode, r.VillageName, r.Reference,
                JsonNode.Parse(r.AnswersJson)?["product.name"]?.ToString(), r.State, DbTime.Read(r.UpdatedAt)))
            .ToList();
        return (ReviewOutcome.Done, items);
    }

    /// <summary>The record with its answers numbered as the summary numbers them, in the reviewer's language.</summary>
    public async Task<(ReviewOutcome Outcome, ReviewRecord? Record)> ShowAsync(Reviewer reviewer, long submissionId, string language,
        CancellationToken cancellationToken)
    {
        var regions = await scopes.OfAsync(reviewer, cancellationToken);
        await using var connection = database.Open();
        return Show(connection, null, regions, submissionId, language);
    }

    /// <summary><see cref="ShowAsync"/> on the caller's connection (a staff dialog: the message's write transaction).</summary>
    public (ReviewOutcome Outcome, ReviewRecord? Record) Show(IDbConnection connection, IDbTransaction? transaction, IReadOnlyList<string> regions,
        long submissionId, string language)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var row = Load(connection, transaction, submissionId);
        var outcome = Check(regions, row?.VillageCode, row is not null);
        if (outcome != ReviewOutcome.Done)
        {
            return (outcome, null);
        }

        var r = row!;
        var lines = RecordLines.Of(engine, Flow, SubmissionStore.Deserialize(r.AnswersJson), Flow.LanguageOrDefault(language));
        return (ReviewOutcome.Done, new ReviewRecord(submissionId, r.Reference, r.VillageCode, r.VillageName, r.State ?? "", r.ReviewedBy,
            DbTime.ReadNullable(r.ReviewedAt), r.Note, lines, (int)r.Revision));
    }

    /// <summary>Finds a record by its reference number (OVOP-…) or its id.</summary>
    public async Task<long?> FindAsync(string referenceOrId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM submissions WHERE reference = @text OR CAST(id AS TEXT) = @text ORDER BY id LIMIT 1",
            new { text = referenceOrId.Trim().ToUpperInvariant() }, cancellationToken: cancellationToken));
    }

    /// <summary>Verifies a record awaiting review, in a transaction of its own.</summary>
    public async Task<ReviewOutcome> ApproveAsync(Reviewer reviewer, long submissionId, CancellationToken cancellationToken)
    {
        var scoped = await scopes.ScopedAsync(reviewer, cancellationToken);
        using var write = await database.BeginWriteAsync(cancellationToken);
        var outcome = Approve(write, scoped, submissionId, time.GetUtcNow());
        write.Commit();
        return outcome;
    }

    /// <summary>Verifies a record awaiting review, in the caller's transaction (a staff dialog: the message's).</summary>
    public static ReviewOutcome Approve(WriteTransaction write, ScopedReviewer reviewer, long submissionId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(reviewer);
        var row = Load(write.Connection, write.Transaction, submissionId);
        var outcome = Check(reviewer.Regions, row?.VillageCode, row is not null);
        if (outcome != ReviewOutcome.Done)
        {
            return outcome;
        }

        var r = row!;
        if (!ReviewStates.AwaitsReview(r.State))
        {
            return ReviewOutcome.NotAwaiting;
        }

        write.Connection.Execute(
            """
            UPDATE submissions SET review_state = 'verified', reviewed_by = @name, reviewed_at = @now, review_note = NULL, fix_fields = NULL
            WHERE id = @submissionId
            """, new { submissionId, name = reviewer.Name, now = DbTime.Write(now) }, write.Transaction);
        SubmissionStore.AddHistory(write, submissionId, r.Revision, r.ContactId, r.AnswersJson, now, "verified", reviewer.Name);
        return ReviewOutcome.Done;
    }

    /// <summary>
    /// Asks the record's respondent to answer the questions numbered <paramref name="numbers"/> again, quoting
    /// <paramref name="note"/>, in a transaction of its own. Numbers are those of <see cref="ShowAsync"/>; any other
    /// number refuses the whole request.
    /// </summary>
    public async Task<ReviewOutcome> AskFixAsync(Reviewer reviewer, long submissionId, IReadOnlyList<int> numbers, string note,
        CancellationToken cancellationToken)
    {
        var scoped = await scopes.ScopedAsync(reviewer, cancellationToken);
        (ReviewOutcome Outcome, string? Channel) asked;
        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            asked = AskFix(write, scoped, submissionId, numbers, note, time.GetUtcNow());
            write.Commit();
        }

        if (asked.Channel is { } channel)
        {
            signals.Outbox(channel).Notify();
        }

        return asked.Outcome;
    }

    /// <summary>
    /// <see cref="AskFixAsync"/> in the caller's transaction (a staff dialog: the message's); returns the respondent's
    /// channel to wake once it is committed (null when nothing was asked).
    /// </summary>
    public (ReviewOutcome Outcome, string? Channel) AskFix(WriteTransaction write, ScopedReviewer reviewer, long submissionId,
        IReadOnlyList<int> numbers, string note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(numbers);
        note = (note ?? "").Trim();
        var flow = Flow;
        var row = Load(write.Connection, write.Transaction, submissionId);
        var outcome = Check(reviewer.Regions, row?.VillageCode, row is not null);
        if (outcome != ReviewOutcome.Done)
        {
            return (outcome, null);
        }

        var r = row!;
        if (!(ReviewStates.AwaitsReview(r.State) || r.State == ReviewStates.Verified))
        {
            return (ReviewOutcome.NotAwaiting, null);
        }

        var answers = SubmissionStore.Deserialize(r.AnswersJson);
        var lines = RecordLines.Of(engine, flow, answers, flow.DefaultLanguage);
        if (numbers.Count == 0 || numbers.Any(n => n < 1 || n > lines.Count))
        {
            return (ReviewOutcome.UnknownNumbers, null);
        }

        if (note.Length == 0)
        {
            return (ReviewOutcome.NoNote, null);
        }

        var asked = numbers.Distinct().Order().Select(n => lines[n - 1]).ToList();
        if (!AskRespondent(write, flow, r.ContactId, submissionId, answers, asked, note, r.VillageName, now))
        {
            return (ReviewOutcome.NoRespondent, null);
        }

        var fields = asked.Select(l => l.Field).ToList();
        write.Connection.Execute(
            """
            UPDATE submissions SET review_state = 'needs_fixing', reviewed_by = @name, reviewed_at = @now, review_note = @note,
                   fix_fields = @fields
            WHERE id = @submissionId
            """, new { submissionId, name = reviewer.Name, now = DbTime.Write(now), note, fields = System.Text.Json.JsonSerializer.Serialize(fields) },
            write.Transaction);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"needs fixing: {string.Join(", ", asked.Select(l => $"{l.Number} {l.Field}"))}; note: {note}");
        SubmissionStore.AddHistory(write, submissionId, r.Revision, r.ContactId, r.AnswersJson, now, reason, reviewer.Name);
        return (ReviewOutcome.Done, PersonNoticeChannel(write, r.ContactId));
    }

    /// <summary>Puts the respondent's conversation on the questions to fix (the engine asks them) and queues the first.</summary>
    private bool AskRespondent(WriteTransaction write, FlowDefinition flow, long contactId, long submissionId,
        IReadOnlyDictionary<string, JsonNode?> answers, IReadOnlyList<RecordLine> asked, string note, string? village, DateTimeOffset now)
    {
        var erased = write.Connection.ExecuteScalar<string?>(
            "SELECT coalesce(erased_at, '') FROM contacts WHERE id = @contactId", new { contactId }, write.Transaction);
        if (erased is null or { Length: > 0 })
        {
            return false;
        }

        var (loaded, ownSubmission) = SessionStore.Load(write, contactId);
        var state = loaded ?? new SessionState { FlowId = flow.Id, Language = PersonNotice.Language(write, flow, contactId) };
        if (ownSubmission is { } other && other != submissionId)
        {
            // The person had started something else (a new draft); the record to fix takes its place.
            SubmissionStore.DeleteDraft(write, other);
        }

        var intro = flow.Text("fix_intro", state.Language, new Dictionary<string, string>
        {
            ["village"] = village ?? "-",
            ["note"] = note,
            ["count"] = asked.Count.ToString(CultureInfo.InvariantCulture),
        });
        var result = engine.AskAgain(flow, state, answers, asked.Select(l => l.NodeId).ToList(), intro, now);
        SessionStore.Save(write, contactId, result.State with { Reference = state.Reference ?? SubmissionStore.Reference(write, submissionId) },
            submissionId, now);
        PersonNotice.Send(write, contactId, result.Replies, now, result.State.NodeId);
        return true;
    }

    private static string? PersonNoticeChannel(WriteTransaction write, long contactId) =>
        write.Connection.QuerySingleOrDefault<string?>("SELECT channel FROM contacts WHERE id = @contactId", new { contactId }, write.Transaction);

    private static ReviewOutcome Check(IReadOnlyList<string> regions, string? villageCode, bool found) =>
        regions.Count == 0 ? ReviewOutcome.NoRole
        : !found ? ReviewOutcome.NotFound
        : !ReviewerScopes.Covers(regions, villageCode) ? ReviewOutcome.OutsideScope
        : ReviewOutcome.Done;

    private static StoredRecord? Load(IDbConnection connection, IDbTransaction? transaction, long submissionId) =>
        connection.QuerySingleOrDefault<StoredRecord>(
            """
            SELECT id AS Id, contact_id AS ContactId, village_code AS VillageCode, village_name AS VillageName, reference AS Reference,
                   review_state AS State, reviewed_by AS ReviewedBy, reviewed_at AS ReviewedAt, review_note AS Note,
                   answers_json AS AnswersJson, revision AS Revision
            FROM submissions WHERE id = @submissionId AND status = 'submitted'
            """, new { submissionId }, transaction);

    private sealed record StoredRecord(long Id, long ContactId, string? VillageCode, string? VillageName, string? Reference, string? State,
        string? ReviewedBy, string? ReviewedAt, string? Note, string AnswersJson, long Revision);
}
