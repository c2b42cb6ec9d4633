using Dapper;
using Microsoft.Data.Sqlite;
using OvopBot.Storage;

namespace OvopBot.Handoffs;

/// <summary>The <c>handoffs</c> table and who is asked: every method runs inside the caller's transaction.</summary>
public static class HandoffStore
{
    private const string SelectHandoffs =
        "SELECT id AS Id, contact_id AS ContactId, village_code AS VillageCode, node_id AS NodeId, text AS Text, media_path AS MediaPath, created_at AS CreatedAt, answered_at AS AnsweredAt FROM handoffs";

    /// <summary>Stores a question; null when this inbound message already made one (a re-step after a crash).</summary>
    public static long? Insert(WriteTransaction write, long contactId, string? villageCode, string? nodeId, string? text,
        string? mediaPath, long inboundId, DateTimeOffset now) =>
        write.Connection.ExecuteScalar<long?>(
            """
            INSERT INTO handoffs (contact_id, village_code, node_id, text, media_path, inbound_id, created_at)
            VALUES (@contactId, @villageCode, @nodeId, @text, @mediaPath, @inboundId, @now)
            ON CONFLICT (inbound_id) DO NOTHING
            RETURNING id
            """,
            new { contactId, villageCode, nodeId, text, mediaPath, inboundId, now = DbTime.Write(now) }, write.Transaction);

    /// <summary>Notes that this outbox row carries question <paramref name="handoffId"/> to a staff member.</summary>
    public static void RecordForward(WriteTransaction write, long outboundId, long handoffId) =>
        write.Connection.Execute("INSERT INTO handoff_forwards (outbound_id, handoff_id) VALUES (@outboundId, @handoffId)",
            new { outboundId, handoffId }, write.Transaction);

    /// <summary>
    /// The question whose forward to this staff contact went out as the platform message <paramref name="platformId"/>
    /// (one of the row's ids when it went in parts), or null.
    /// </summary>
    public static long? ForwardedAs(WriteTransaction write, long staffContactId, string platformId) =>
        write.Connection.ExecuteScalar<long?>(
            """
            SELECT f.handoff_id FROM handoff_forwards f JOIN outbound_messages o ON o.id = f.outbound_id
            WHERE o.contact_id = @staffContactId AND instr(',' || o.platform_message_id || ',', ',' || @platformId || ',') > 0
            """,
            new { staffContactId, platformId }, write.Transaction);

    public static Handoff? Find(SqliteConnection connection, long id, SqliteTransaction? transaction = null) =>
        connection.QuerySingleOrDefault<HandoffRow>(
            $"{SelectHandoffs} WHERE id = @id",
            new { id }, transaction)?.ToHandoff();

    /// <summary>Marks the first answer; later answers are sent too but keep the first time.</summary>
    public static void MarkAnswered(WriteTransaction write, long id, long staffContactId, DateTimeOffset now) =>
        write.Connection.Execute(
            "UPDATE handoffs SET answered_at = @now, answered_by = @staffContactId WHERE id = @id AND answered_at IS NULL",
            new { id, staffContactId, now = DbTime.Write(now) }, write.Transaction);

    /// <summary>The person's questions no staff member has answered yet (timed-out ones too: a late answer still helps), oldest first.</summary>
    public static IReadOnlyList<Handoff> Waiting(SqliteConnection connection, long contactId) =>
        connection.Query<HandoffRow>(
            $"""
            {SelectHandoffs}
            WHERE contact_id = @contactId AND answered_at IS NULL ORDER BY id
            """,
            new { contactId }).Select(r => r.ToHandoff()).ToList();

    /// <summary>Ids of the questions created before <paramref name="before"/> that nobody answered and nobody was told about.</summary>
    public static IReadOnlyList<long> UnansweredIds(SqliteConnection connection, DateTimeOffset before) =>
        connection.Query<long>(
            "SELECT id FROM handoffs WHERE answered_at IS NULL AND timed_out_at IS NULL AND created_at <= @before ORDER BY id",
            new { before = DbTime.Write(before) }).ToList();

    public static void MarkTimedOut(WriteTransaction write, long id, DateTimeOffset now) =>
        write.Connection.Execute("UPDATE handoffs SET timed_out_at = @now WHERE id = @id",
            new { id, now = DbTime.Write(now) }, write.Transaction);

    /// <summary>
    /// Staff of <paramref name="role"/> whose scope covers the village (a region code that is the village's or one of
    /// its parents); with no village, everyone of that role.
    /// </summary>
    public static IReadOnlyList<HandoffRecipient> Staff(SqliteConnection connection, SqliteTransaction? transaction, string role, string? villageCode) =>
        connection.Query<HandoffRecipient>(
            """
            SELECT DISTINCT c.id AS ContactId, c.channel AS Channel, c.address AS Address, c.language AS Language
            FROM staff_roles r JOIN contacts c ON c.id = r.contact_id
            WHERE r.role = @role AND (@villageCode IS NULL OR @villageCode = r.region_code OR @villageCode LIKE r.region_code || '.%')
            ORDER BY c.id
            """,
            new { role, villageCode }, transaction).ToList();

    private sealed record HandoffRow(long Id, long ContactId, string? VillageCode, string? NodeId, string? Text, string? MediaPath,
        string CreatedAt, string? AnsweredAt)
    {
        public Handoff ToHandoff() => new(Id, ContactId, VillageCode, NodeId, Text, MediaPath, DbTime.Read(CreatedAt), DbTime.ReadNullable(AnsweredAt));
    }
}
