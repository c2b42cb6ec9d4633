using System.Text.Json;
using Dapper;
using OvopBot.Channels.Abstractions;
using OvopBot.Storage;

namespace OvopBot.Outbox;

/// <summary>
/// The outbox (table <c>outbound_messages</c>, rows with status <c>pending</c>) and the fate of every sent message.
/// Rows are added inside the same transaction as the step that produced them, so a crash never loses a reply and
/// a retry never duplicates one.
/// </summary>
public sealed class OutboxStore(SqliteDatabase database)
{
    /// <summary>Adds a message to send, inside an open transaction; returns the row id, or null when this broadcast already has a row for the person.</summary>
    public static long? Enqueue(WriteTransaction write, long contactId, string channel, string address, OutboundKind kind,
        OutboundMessage message, DateTimeOffset now, long? inReplyTo = null, string? nodeId = null, long? broadcastId = null)
    {
        var time = DbTime.Write(now);
        // Compiled once (WriteTransaction.Prepared): every reply and every broadcast row comes through here.
        return write.Prepared(
            """
            INSERT INTO outbound_messages (contact_id, channel, address, kind, text, payload_json, in_reply_to, broadcast_id,
                                           node_id, status, next_attempt_at, created_at)
            VALUES (@contactId, @channel, @address, @kind, @Text, @payload, @inReplyTo, @broadcastId, @nodeId, 'pending', @time, @time)
            ON CONFLICT (broadcast_id, contact_id) DO NOTHING
            RETURNING id
            """,
            ("@contactId", contactId), ("@channel", channel), ("@address", address), ("@kind", (int)kind), ("@Text", message.Text),
            ("@payload", JsonSerializer.Serialize(message, SessionStore.Json)), ("@inReplyTo", inReplyTo), ("@broadcastId", broadcastId),
            ("@nodeId", nodeId), ("@time", time)).ExecuteScalar() as long?;
    }

    /// <summary>
    /// Due pending rows of a channel, at most one per person: replies first, then reminders, then broadcasts; oldest
    /// first. A person's row is taken only when no row of theirs comes before it: none due earlier in that order (so
    /// a flooder's backlog takes one place per take, like everyone else, and quiet people's replies are in the same
    /// take), and none older of the same or a higher priority waiting for a retry (so one person's messages keep their
    /// order; only a reply never waits behind a broadcast or reminder held back, e.g. until a daily SMS limit frees up).
    /// </summary>
    public async Task<IReadOnlyList<OutboundEnvelope>> TakeDueAsync(string channel, DateTimeOffset now, int limit,
        CancellationToken cancellationToken, string? address = null)
    {
        await using var connection = database.Open();
        // The first NOT EXISTS (one due row per person) finds a flooder's earlier row at once on ix_outbox_person
        // (migration 017), before the second looks through the person's older rows.
        var rows = await connection.QueryAsync<(long Id, string Address, long Kind, string Payload, string? SentParts)>(new CommandDefinition(
            """
            SELECT o.id, o.address, o.kind, o.payload_json, o.sent_parts FROM outbound_messages o
            WHERE o.status = 'pending' AND o.channel = @channel AND o.next_attempt_at <= @now
              AND (@address IS NULL OR o.address = @address)
              AND NOT EXISTS (SELECT 1 FROM outbound_messages e
                              WHERE e.contact_id = o.contact_id AND e.status = 'pending' AND (e.kind, e.id) < (o.kind, o.id)
                                AND e.channel = o.channel AND e.next_attempt_at <= @now)
              AND NOT EXISTS (SELECT 1 FROM outbound_messages e
                              WHERE e.contact_id = o.contact_id AND e.status = 'pending' AND e.kind <= o.kind AND e.id < o.id
                                AND e.channel = o.channel AND e.next_attempt_at > @now)
            ORDER BY o.kind, o.id LIMIT @limit
            """,
            new { channel, now = DbTime.Write(now), limit, address }, cancellationToken: cancellationToken));
        return rows.Select(r => new OutboundEnvelope(r.Id, r.Address, (OutboundKind)r.Kind,
            JsonSerializer.Deserialize<OutboundMessage>(r.Payload, SessionStore.Json)!)
        {
            SentParts = r.SentParts?.Split(',') ?? [],
        }).ToList();
    }

    /// <summary>When the next pending row of the channel becomes due, if any.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var next = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT min(next_attempt_at) FROM outbound_messages WHERE status = 'pending' AND channel = @channel",
            new { channel }, cancellationToken: cancellationToken));
        return DbTime.ReadNullable(next);
    }

    /// <summary>
    /// Holds every pending row to one address until <paramref name="until"/> (its chat is at its rate limit), keeping
    /// their order; attempts are not counted, the wait is not the messages' fault.
    /// </summary>
    public Task DeferAsync(string channel, string address, DateTimeOffset until, CancellationToken cancellationToken) =>
        UpdateAsync(
            """
            UPDATE outbound_messages SET next_attempt_at = @until
            WHERE status = 'pending' AND channel = @channel AND address = @address AND next_attempt_at < @until
            """,
            // Rounded up to the stored millisecond, so the row is never due before its chat is free.
            new { channel, address, until = DbTime.Write(until.AddTicks(TimeSpan.TicksPerMillisecond - 1)) }, cancellationToken);

    public async Task<int> AttemptsAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT attempts FROM outbound_messages WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public Task MarkSentAsync(long id, string platformMessageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MarkSentAsync([new SentRow(id, platformMessageId, now)], cancellationToken);

    /// <summary>Marks several rows sent in one transaction (see <see cref="SentMarks"/>).</summary>
    public async Task MarkSentAsync(IReadOnlyCollection<SentRow> rows, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbound_messages SET status = 'sent', platform_message_id = @PlatformMessageId, sent_at = @at,
                   status_at = @at, attempts = attempts + 1, last_error = NULL
            WHERE id = @Id AND status = 'pending'
            """,
            rows.Select(r => new { r.Id, r.PlatformMessageId, at = DbTime.Write(r.At) }), write.Transaction,
            cancellationToken: cancellationToken));
        write.Commit();
    }

    /// <summary>Records the parts of a split message the platform has accepted so far; the next attempt resumes after them.</summary>
    public Task MarkPartsSentAsync(long id, IReadOnlyList<string> sentParts, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE outbound_messages SET sent_parts = @parts WHERE id = @id AND status = 'pending'",
            new { id, parts = string.Join(',', sentParts) }, cancellationToken);

    /// <summary>Keeps the row pending for another attempt at <paramref name="nextAttemptAt"/>.</summary>
    public Task MarkRetryAsync(long id, DateTimeOffset nextAttemptAt, string error, bool countAttempt, CancellationToken cancellationToken) =>
        UpdateAsync(
            """
            UPDATE outbound_messages SET next_attempt_at = @next, last_error = @error, attempts = attempts + @count
            WHERE id = @id AND status = 'pending'
            """,
            new { id, next = DbTime.Write(nextAttemptAt), error, count = countAttempt ? 1 : 0 }, cancellationToken);

    /// <summary>Ends the row without sending: <c>failed</c> (will not be retried) or <c>held</c> (needs a template).</summary>
    public Task MarkFinalAsync(long id, string status, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync(
            """
            UPDATE outbound_messages SET status = @status, last_error = @error, status_at = @now, attempts = attempts + 1
            WHERE id = @id AND status = 'pending'
            """,
            new { id, status, error, now = DbTime.Write(now) }, cancellationToken);

    /// <summary>The person cannot be reached: mark the contact and end all their pending messages on this channel.</summary>
    public async Task MarkUnreachableAsync(long id, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        var row = await write.Connection.QuerySingleOrDefaultAsync<(long ContactId, string Channel)?>(new CommandDefinition(
            "SELECT contact_id, channel FROM outbound_messages WHERE id = @id", new { id }, write.Transaction,
            cancellationToken: cancellationToken));
        if (row is { } r)
        {
            MarkUnreachable(write, r.ContactId, r.Channel, error, DbTime.Write(now));
        }

        write.Commit();
    }

    /// <summary>
    /// The one place a person becomes unreachable (a send refused, or a failed delivery status later): the contact
    /// is marked and every message still pending for them on that channel ends as failed.
    /// </summary>
    public static void MarkUnreachable(WriteTransaction write, long contactId, string channel, string error, string at)
    {
        ArgumentNullException.ThrowIfNull(write);
        ContactStore.SetReachable(write, contactId, false);
        write.Connection.Execute(
            """
            UPDATE outbound_messages SET status = 'failed', last_error = @error, status_at = @at
            WHERE status = 'pending' AND contact_id = @contactId AND channel = @channel
            """,
            new { error, at, contactId, channel }, write.Transaction);
    }

    private async Task UpdateAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, write.Transaction, cancellationToken: cancellationToken));
        write.Commit();
    }
}
