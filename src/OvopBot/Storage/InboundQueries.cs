using Dapper;
using Microsoft.Data.Sqlite;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Storage;

/// <summary>Reads inbound messages back from the store for processing.</summary>
public static class InboundQueries
{
    private const string Columns =
        "id, contact_id AS ContactId, channel, external_id AS ExternalId, kind, text, choice_id AS ChoiceId, media_ref AS MediaRef, " +
        "media_path AS MediaPath, latitude, longitude, phone, received_at AS ReceivedAt, processed_at AS ProcessedAt, reply_to AS ReplyTo";

    /// <summary>
    /// The oldest unprocessed message of each contact in one partition (contact id modulo count), oldest first, with
    /// its failed attempts, when it may be tried again, and how many of the contact's messages wait in all. Taking
    /// one message per person per pass serves people in turn, so one person's backlog never holds up the others.
    /// </summary>
    public static IReadOnlyList<InboundHead> Heads(SqliteConnection connection, int partition, int partitions, int limit) =>
        connection.Query<Row, HeadExtra, InboundHead>(
            $"""
            WITH heads AS (
                SELECT min(id) AS head_id, count(*) AS waiting FROM inbound_messages
                WHERE processed_at IS NULL AND contact_id % @partitions = @partition GROUP BY contact_id)
            SELECT {Columns}, (SELECT address FROM contacts c WHERE c.id = contact_id) AS Address, attempts,
                   next_attempt_at AS NextAttemptAt, waiting
            FROM heads JOIN inbound_messages ON id = head_id ORDER BY id LIMIT @limit
            """,
            (row, extra) => new InboundHead(ToStored(row), (int)extra.Attempts, DbTime.ReadNullable(extra.NextAttemptAt), (int)extra.Waiting),
            new { partition, partitions, limit }, splitOn: "attempts").ToList();

    public static StoredInbound? ById(SqliteConnection connection, long id, SqliteTransaction? transaction = null) =>
        connection.Query<Row>(
            $"SELECT {Columns}, (SELECT address FROM contacts c WHERE c.id = contact_id) AS Address FROM inbound_messages WHERE id = @id",
            new { id }, transaction).Select(ToStored).SingleOrDefault();

    /// <summary>Marks a message processed, recording the question it answered.</summary>
    public static void MarkProcessed(WriteTransaction write, long id, string? nodeId, DateTimeOffset now) =>
        write.Prepared("UPDATE inbound_messages SET processed_at = @now, node_id = @nodeId WHERE id = @id",
            ("@id", id), ("@nodeId", nodeId), ("@now", DbTime.Write(now))).ExecuteNonQuery();

    /// <summary>Records where a downloaded media file was stored.</summary>
    public static void SetMediaPath(WriteTransaction write, long id, string path) =>
        write.Connection.Execute("UPDATE inbound_messages SET media_path = @path WHERE id = @id", new { id, path }, write.Transaction);

    private static StoredInbound ToStored(Row r) => new(r.Id, r.ContactId, new InboundMessage
    {
        Channel = r.Channel,
        Address = r.Address,
        ExternalId = r.ExternalId,
        Kind = Enum.Parse<InboundKind>(r.Kind),
        ReceivedAt = DbTime.Read(r.ReceivedAt),
        Text = r.Text,
        ChoiceId = r.ChoiceId,
        MediaRef = r.MediaRef,
        MediaPath = r.MediaPath,
        Location = r.Latitude is { } lat && r.Longitude is { } lon ? new GeoPoint(lat, lon) : null,
        Phone = r.Phone,
        ReplyToPlatformId = r.ReplyTo,
    }, r.ProcessedAt is not null);

    private sealed record Row(long Id, long ContactId, string Channel, string ExternalId, string Kind, string? Text,
        string? ChoiceId, string? MediaRef, string? MediaPath, double? Latitude, double? Longitude, string? Phone,
        string ReceivedAt, string? ProcessedAt, string? ReplyTo, string Address);

    // A class with setters, not a record: an expression column has no declared type for Dapper to match a constructor by.
    private sealed class HeadExtra
    {
        public long Attempts { get; init; }

        public string? NextAttemptAt { get; init; }

        public long Waiting { get; init; }
    }
}
