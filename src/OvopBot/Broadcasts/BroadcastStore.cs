using System.Data;
using System.Text.Json;
using Dapper;
using OvopBot.Channels.Abstractions;
using OvopBot.Outbox;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Broadcasts;

/// <summary>
/// Broadcasts (table <c>broadcasts</c>) and their outbox rows. Enqueuing goes in batches, each its own short
/// transaction, so conversation replies never wait long for the write lock; the outbox's unique
/// (broadcast_id, contact_id) index makes enqueuing again after a crash add only the rows still missing.
/// Statuses: draft → enqueuing (confirmed) → queued → done once no row is pending (<see cref="BroadcastFinisher"/>);
/// cancelled from any of them but done.
/// </summary>
public sealed class BroadcastStore(SqliteDatabase database, RegionScope scope)
{
    // A person linked on several channels is reached once, on the channel they wrote from last.
    private static readonly string LastUsed = string.Format(System.Globalization.CultureInfo.InvariantCulture,
        People.PersonLinks.LastUsedContactSql, "p");

    /// <summary>
    /// The people the target selects in the regions (province, regency or district codes), skipped ones included;
    /// each person once, however many of the regions name their villages. "Finished" and "unfinished" read the
    /// person's registrations inside these regions.
    /// </summary>
    public async Task<IReadOnlyList<BroadcastRecipient>> RecipientsAsync(BroadcastTarget target, IReadOnlyCollection<string> regionCodes,
        CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<(long Id, string Channel, string Address, long OptedOut, long Reachable)>(new CommandDefinition(
            $"""
            WITH regions AS (SELECT value AS code FROM json_each(@codes)),
            mine AS (
                SELECT coalesce(pc.person_id, pc.id) AS person,
                       max(s.status = 'submitted') AS submitted,
                       max(EXISTS (SELECT 1 FROM submissions x WHERE x.village_code = s.village_code AND x.status = 'submitted')) AS village_done
                FROM submissions s JOIN contacts pc ON pc.id = s.contact_id
                WHERE EXISTS (SELECT 1 FROM regions r WHERE s.village_code = r.code OR s.village_code LIKE r.code || '.%')
                GROUP BY person)
            SELECT c.id, c.channel, c.address, c.opted_out, c.reachable
            FROM mine m JOIN contacts p ON p.id = m.person JOIN contacts c ON c.id = {LastUsed}
            WHERE @target = 'all'
               OR (@target = 'finished' AND m.submitted = 1)
               OR (@target = 'unfinished' AND m.submitted = 0)
               OR (@target = 'not-started' AND m.village_done = 0)
            UNION
            -- People with no village yet (stopped before it, or typed one that awaits matching): reachable only by a
            -- broadcast that covers the whole service area, since their region is not known.
            SELECT c.id, c.channel, c.address, c.opted_out, c.reachable
            FROM sessions s JOIN contacts c ON c.id = s.contact_id
            WHERE @wholeArea = 1 AND @target <> 'finished' AND s.status IN ('Active', 'NotStarted')
              AND NOT EXISTS (SELECT 1 FROM submissions x WHERE x.contact_id = c.id AND x.village_code IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM staff_roles r WHERE r.contact_id = c.id)
            ORDER BY 1
            """,
            new
            {
                codes = JsonSerializer.Serialize(regionCodes), target = BroadcastTargets.ToText(target),
                wholeArea = scope.Codes.All(s => regionCodes.Any(c => RegionCode.IsWithin(s, c))),
            }, cancellationToken: cancellationToken));
        return rows.Select(r => new BroadcastRecipient(r.Id, r.Channel, r.Address, r.OptedOut == 1, r.Reachable != 0)).ToList();
    }

    /// <summary>
    /// Stores a checked request as a draft covering <paramref name="regionCodes"/>. The request's own region and
    /// district are kept as written for people reading the table; enqueuing reads the covered codes.
    /// </summary>
    public async Task<long> CreateDraftAsync(BroadcastRequest request, IReadOnlyCollection<string> regionCodes, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        var id = await CreateDraftAsync(write, request, regionCodes, now, cancellationToken);
        write.Commit();
        return id;
    }

    /// <summary>The same inside a caller's transaction (a chat dialog commits the draft with its reply).</summary>
    public static async Task<long> CreateDraftAsync(WriteTransaction write, BroadcastRequest request, IReadOnlyCollection<string> regionCodes,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(regionCodes);
        var id = await write.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO broadcasts (author, target, region_code, district_code, text, status, created_at, status_at, report_to)
            VALUES (@Author, @target, @region, @DistrictCode, @Text, 'draft', @now, @now, @reportTo) RETURNING id
            """,
            new
            {
                request.Author, target = BroadcastTargets.ToText(request.Target), region = string.Join(',', request.RegionCodes), request.DistrictCode,
                request.Text, now = DbTime.Write(now), reportTo = request.ReportToAuthor ? request.AuthorContactId : null,
            },
            write.Transaction, cancellationToken: cancellationToken));
        foreach (var code in regionCodes)
        {
            await write.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO broadcast_regions (broadcast_id, region_code) VALUES (@id, @code)", new { id, code }, write.Transaction,
                cancellationToken: cancellationToken));
        }

        return id;
    }

    /// <summary>The region codes a broadcast covers.</summary>
    public async Task<IReadOnlyList<string>> RegionsAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT region_code FROM broadcast_regions WHERE broadcast_id = @id ORDER BY region_code", new { id }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Moves a draft to enqueuing; false when it was confirmed (or cancelled) before, so a second confirmation does nothing.</summary>
    public async Task<bool> ConfirmAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        var confirmed = await ConfirmAsync(write, id, now, cancellationToken);
        write.Commit();
        return confirmed;
    }

    /// <summary>The same inside a caller's transaction; <see cref="EnqueueAsync"/> adds the rows after it commits.</summary>
    public static async Task<bool> ConfirmAsync(WriteTransaction write, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return await write.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcasts SET status = 'enqueuing', status_at = @now WHERE id = @id AND status = 'draft'",
            new { id, now = DbTime.Write(now) }, write.Transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Adds the outbox rows of a confirmed broadcast, <paramref name="batchSize"/> people per transaction, then marks
    /// it queued. Stops early when it is cancelled meanwhile, or after <paramref name="maxBatches"/> (tests use this to
    /// stop "mid-way" as a crash would). Returns the channels that got rows.
    /// </summary>
    public async Task<IReadOnlySet<string>> EnqueueAsync(long id, int batchSize, DateTimeOffset now, CancellationToken cancellationToken,
        int maxBatches = int.MaxValue)
    {
        var (target, regions, text, status) = await RowAsync(id, cancellationToken);
        var channels = new HashSet<string>(StringComparer.Ordinal);
        if (status != "enqueuing")
        {
            return channels;
        }

        var everyone = await RecipientsAsync(target, regions, cancellationToken);
        var recipients = everyone.Where(r => !r.OptedOut && r.Reachable).ToList();
        var message = new OutboundMessage { Text = text };
        for (var batch = 0; batch * batchSize < recipients.Count; batch++)
        {
            if (batch >= maxBatches)
            {
                return channels;
            }

            using var write = await database.BeginWriteAsync(cancellationToken);
            if (await write.Connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT status FROM broadcasts WHERE id = @id", new { id },
                    write.Transaction, cancellationToken: cancellationToken)) != "enqueuing")
            {
                return channels; // cancelled meanwhile
            }

            foreach (var r in recipients.Skip(batch * batchSize).Take(batchSize))
            {
                OutboxStore.Enqueue(write, r.ContactId, r.Channel, r.Address, OutboundKind.Broadcast, message, now, broadcastId: id);
                channels.Add(r.Channel);
            }

            write.Commit();
        }

        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            await write.Connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE broadcasts SET status = 'queued', status_at = @now, skipped_opted_out = @optedOut, skipped_unreachable = @unreachable
                WHERE id = @id AND status = 'enqueuing'
                """,
                new { id, now = DbTime.Write(now), optedOut = everyone.Count(r => r.OptedOut), unreachable = everyone.Count(r => !r.OptedOut && !r.Reachable) },
                write.Transaction, cancellationToken: cancellationToken));
            write.Commit();
        }

        return channels;
    }

    /// <summary>
    /// Stops a broadcast: rows not yet sent are cancelled. Returns how many, or null when there is no such broadcast.
    /// A finished broadcast stays as it was. A cancelled draft is finished at once (nothing was sent, nothing to
    /// report); a cancelled confirmed one is finished, with its report, by <see cref="BroadcastReportService"/>.
    /// </summary>
    public async Task<int?> CancelAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        var cancelled = await CancelAsync(write, id, now, cancellationToken);
        write.Commit();
        return cancelled;
    }

    /// <summary>The same inside a caller's transaction.</summary>
    public static async Task<int?> CancelAsync(WriteTransaction write, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var p = new { id, now = DbTime.Write(now) };
        var status = await write.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT status FROM broadcasts WHERE id = @id", p, write.Transaction, cancellationToken: cancellationToken));
        if (status is null or "done")
        {
            return status is null ? null : 0;
        }

        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE broadcasts SET status = 'cancelled', status_at = @now, finished_at = CASE WHEN status = 'draft' THEN @now ELSE finished_at END
            WHERE id = @id
            """,
            p, write.Transaction, cancellationToken: cancellationToken));
        var cancelled = await write.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbound_messages SET status = 'cancelled', status_at = @now WHERE broadcast_id = @id AND status = 'pending'",
            p, write.Transaction, cancellationToken: cancellationToken));
        return cancelled;
    }

    public async Task<BroadcastProgress?> ProgressAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await ProgressAsync(connection, null, id, cancellationToken);
    }

    /// <summary>The progress read on a given connection, so a write transaction sees its own changes.</summary>
    internal static async Task<BroadcastProgress?> ProgressAsync(IDbConnection connection, IDbTransaction? transaction, long id,
        CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(string Status, long OptedOut, long Unreachable)?>(new CommandDefinition(
            "SELECT status, skipped_opted_out, skipped_unreachable FROM broadcasts WHERE id = @id", new { id }, transaction,
            cancellationToken: cancellationToken));
        if (row is not { } b)
        {
            return null;
        }

        var counts = (await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            "SELECT status, count(*) FROM outbound_messages WHERE broadcast_id = @id GROUP BY status", new { id }, transaction,
            cancellationToken: cancellationToken))).ToDictionary(r => r.Status, r => (int)r.Count);
        int Of(params string[] statuses) => statuses.Sum(s => counts.GetValueOrDefault(s));
        return new BroadcastProgress(id, b.Status, counts.Values.Sum(), Of("pending"), Of("sent", "delivered", "read"), Of("failed", "held"),
            Of("cancelled"), (int)b.OptedOut, (int)b.Unreachable);
    }

    /// <summary>Broadcasts confirmed but not fully enqueued (a crash came in between).</summary>
    public async Task<IReadOnlyList<long>> EnqueuingAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM broadcasts WHERE status = 'enqueuing' ORDER BY id", cancellationToken: cancellationToken))).ToList();
    }

    private async Task<(BroadcastTarget Target, IReadOnlyList<string> Regions, string Text, string Status)> RowAsync(long id,
        CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var row = await connection.QuerySingleAsync<(string Target, string Text, string Status)>(new CommandDefinition(
            "SELECT target, text, status FROM broadcasts WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        var regions = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT region_code FROM broadcast_regions WHERE broadcast_id = @id ORDER BY region_code", new { id },
            cancellationToken: cancellationToken))).ToList();
        BroadcastTargets.TryParse(row.Target, out var target);
        return (target, regions, row.Text, row.Status);
    }
}
