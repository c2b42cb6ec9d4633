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

    /// <summary>Pending requests, oldest first.</summary>
    public async Task<IReadOnlyList<ChatExportJob>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<(long Id, long ContactId, string Channel, string Kind, string RegionCode, string Language, string CreatedAt)>(
            new CommandDefinition(
                """
                SELECT e.id, e.contact_id, c.channel, e.kind, e.region_code, e.language, e.created_at
                FROM chat_exports e JOIN contacts c ON c.id = e.contact_id WHERE e.status = 'pending' ORDER BY e.id
                """,
                cancellationToken: cancellationToken));
        return rows.Select(r => new ChatExportJob(r.Id, r.ContactId, r.Channel,
            new ChatExportRequest(Enum.Parse<ExportKind>(r.Kind, ignoreCase: true), r.RegionCode, r.Language), DbTime.Read(r.CreatedAt))).ToList();
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
