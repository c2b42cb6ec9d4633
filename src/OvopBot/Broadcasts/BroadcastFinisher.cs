using Dapper;
using OvopBot.Channels.Abstractions;
using OvopBot.Outbox;
using OvopBot.Storage;

namespace OvopBot.Broadcasts;

/// <summary>
/// Finishes confirmed broadcasts whose outbox rows have all settled (sent, failed, held or cancelled): in ONE write
/// transaction the broadcast moves queued → done (a cancelled one stays cancelled), <c>finished_at</c> is set, and the
/// author's final report is enqueued. The guard <c>finished_at IS NULL</c> with no pending row makes it happen exactly
/// once, whoever calls it and however often, across crashes and restarts.
/// </summary>
public sealed class BroadcastFinisher(SqliteDatabase database)
{
    /// <summary>Confirmed broadcasts not finished yet with no pending outbox row: the ones <see cref="FinishAsync"/> would finish now.</summary>
    public async Task<IReadOnlyList<long>> SettledAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT b.id FROM broadcasts b
            WHERE b.finished_at IS NULL AND b.status IN ('queued', 'cancelled')
              AND NOT EXISTS (SELECT 1 FROM outbound_messages o WHERE o.broadcast_id = b.id AND o.status = 'pending')
            ORDER BY b.id
            """, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Finishes the broadcast if it is settled and not finished yet, enqueuing the report that
    /// <paramref name="compose"/> words (null: none) for a broadcast made in the chat. Returns whether it finished
    /// now, and the channel of the enqueued report, if any. Without <paramref name="compose"/> the broadcast is finished
    /// with no report (its report could not be made: see BroadcastReportService).
    /// </summary>
    public async Task<(bool Finished, string? ReportChannel)> FinishAsync(long id, DateTimeOffset now, Func<BroadcastReport, OutboundMessage?>? compose,
        CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        var finished = await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE broadcasts SET finished_at = @now,
                   status_at = CASE WHEN status = 'queued' THEN @now ELSE status_at END,
                   status = CASE WHEN status = 'queued' THEN 'done' ELSE status END
            WHERE id = @id AND finished_at IS NULL AND status IN ('queued', 'cancelled')
              AND NOT EXISTS (SELECT 1 FROM outbound_messages o WHERE o.broadcast_id = @id AND o.status = 'pending')
            """,
            new { id, now = DbTime.Write(now) }, write.Transaction, cancellationToken: cancellationToken));
        if (finished == 0 || compose is null)
        {
            write.Commit();
            return (finished > 0, null);
        }

        var author = await write.Connection.QuerySingleOrDefaultAsync<(long ContactId, string Channel, string Address, string? Language, string Text)?>(
            new CommandDefinition(
                """
                SELECT c.id, c.channel, c.address, c.language, b.text FROM broadcasts b JOIN contacts c ON c.id = b.report_to
                WHERE b.id = @id
                """,
                new { id }, write.Transaction, cancellationToken: cancellationToken));
        string? channel = null;
        if (author is { } a)
        {
            var progress = (await BroadcastStore.ProgressAsync(write.Connection, write.Transaction, id, cancellationToken))!;
            if (compose(new BroadcastReport(progress, a.Text, a.ContactId, a.Channel, a.Address, a.Language)) is { } report)
            {
                OutboxStore.Enqueue(write, a.ContactId, a.Channel, a.Address, OutboundKind.Reply, report, now);
                channel = a.Channel;
            }
        }

        write.Commit();
        return (true, channel);
    }
}
