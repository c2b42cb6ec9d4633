using Dapper;
using OvopBot.Channels.Abstractions;
using OvopBot.Exports;
using OvopBot.Outbox;
using OvopBot.Storage;

namespace OvopBot.ChatExports;

/// <summary>
/// The chat export requests (table <c>chat_exports</c>): added with the message that asked for them, taken by the
/// worker, and ended together with the message that answers them.
/// </summary>
public sealed class ChatExportStore(SqliteDatabase database)
{
    /// <summary>Records a request inside the asking message's transaction, so a re-delivered message never asks twice.</summary>
    public static void Enqueue(WriteTransaction write, long contactId, ChatExportRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(request);
        var time = DbTime.Write(now);
        write.Connection.Execute(
            """
            INSERT INTO chat_exports (contact_id, kind, region_code, language, status, created_at, status_at)
            VALUES (@contactId, @kind, @RegionCode, @Language, 'pending', @time, @time)
            """,
            new { contactId, kind = request.Kind.ToString().ToLowerInvariant(), request.RegionCode, request.Language, time },
            write.Transaction);
    }

    /// <summary>The ids of the pending requests, oldest first (each is read on its own, so one bad row stops no other).</summary>
    public async Task<IReadOnlyList<long>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM chat_exports WHERE status = 'pending' ORDER BY id", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>A pending request with its person, or null once it has ended.</summary>
    public async Task<ChatExportJob?> PendingJobAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, long ContactId, string Channel, string Kind, string RegionCode, string Language, string CreatedAt)?>(
            new CommandDefinition(
                """
                SELECT e.id, e.contact_id, c.channel, e.kind, e.region_code, e.language, e.created_at
                FROM chat_exports e JOIN contacts c ON c.id = e.contact_id WHERE e.id = @id AND e.status = 'pending'
                """,
                new { id }, cancellationToken: cancellationToken));
        return row is { } r
            ? new ChatExportJob(r.Id, r.ContactId, r.Channel,
                new ChatExportRequest(Enum.Parse<ExportKind>(r.Kind, ignoreCase: true), r.RegionCode, r.Language), DbTime.Read(r.CreatedAt))
            : null;
    }

    /// <summary>Ends a request that cannot be made at all (its row is unreadable) as failed, without an answer.</summary>
    public async Task SetAsideAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE chat_exports SET status = 'failed', status_at = @now WHERE id = @id AND status = 'pending'",
            new { id, now = DbTime.Write(now) }, write.Transaction, cancellationToken: cancellationToken));
        write.Commit();
    }

    /// <summary>
    /// Ends a pending request with its outcome and queues the answer to the person, in one transaction; false (and
    /// nothing queued) when it had already ended. Returns the channel the answer goes out on, for the caller to wake.
    /// </summary>
    public async Task<string?> FinishAsync(long id, string status, OutboundMessage answer, ExportResult? result, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        using var write = await database.BeginWriteAsync(cancellationToken);
        var to = await write.Connection.QuerySingleOrDefaultAsync<(long ContactId, string Channel, string Address)?>(new CommandDefinition(
            """
            SELECT c.id, c.channel, c.address FROM chat_exports e JOIN contacts c ON c.id = e.contact_id
            WHERE e.id = @id AND e.status = 'pending'
            """, new { id }, write.Transaction, cancellationToken: cancellationToken));
        if (to is not { } contact)
        {
            return null;
        }

        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE chat_exports SET status = @status, file_path = @path, rows = @rows, bytes = @bytes, status_at = @now
            WHERE id = @id
            """,
            new { id, status, path = result?.Path, rows = result?.TotalRows, bytes = result?.Bytes, now = DbTime.Write(now) },
            write.Transaction, cancellationToken: cancellationToken));
        OutboxStore.Enqueue(write, contact.ContactId, contact.Channel, contact.Address, OutboundKind.Reply, answer, now);
        write.Commit();
        return contact.Channel;
    }
}
