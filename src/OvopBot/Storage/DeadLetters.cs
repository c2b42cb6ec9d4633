using Dapper;
using Microsoft.Data.Sqlite;

namespace OvopBot.Storage;

/// <summary>
/// Inbound messages whose conversation step failed: attempts with backoff, then the dead-letter state (failed, the
/// error kept) that <c>messages failed</c> lists, <c>messages retry</c> re-runs and the metrics count.
/// </summary>
public static class DeadLetters
{
    /// <summary>How many messages are dead letters now (for health checks and metrics).</summary>
    public static long FailedCount(SqliteConnection connection) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM inbound_messages WHERE failed_at IS NOT NULL");

    /// <summary>Records a failed attempt that will be tried again at <paramref name="nextAttemptAt"/>.</summary>
    public static void ScheduleRetry(WriteTransaction write, long id, int attempts, DateTimeOffset nextAttemptAt, string error) =>
        write.Connection.Execute(
            "UPDATE inbound_messages SET attempts = @attempts, next_attempt_at = @next, last_error = @error WHERE id = @id",
            new { id, attempts, next = DbTime.Write(nextAttemptAt), error = Shorten(error) }, write.Transaction);

    /// <summary>
    /// The retries ran out: the message is marked failed AND processed (so the worker moves on to the person's next
    /// message), with the question it was sent at and the error.
    /// </summary>
    public static void MarkFailed(WriteTransaction write, long id, int attempts, string? nodeId, string error, DateTimeOffset now) =>
        write.Connection.Execute(
            """
            UPDATE inbound_messages SET attempts = @attempts, last_error = @error, failed_at = @now, processed_at = @now,
                node_id = @nodeId, next_attempt_at = NULL
            WHERE id = @id
            """,
            new { id, attempts, nodeId, error = Shorten(error), now = DbTime.Write(now) }, write.Transaction);

    /// <summary>The dead letters, oldest first.</summary>
    public static IReadOnlyList<DeadLetter> List(SqliteConnection connection, int limit = 1000) =>
        connection.Query<DeadLetter>(
            """
            SELECT m.id, m.failed_at AS FailedAt, c.channel || ':' || c.address AS Contact, m.node_id AS NodeId,
                   m.attempts, m.last_error AS Error, m.kind, m.text
            FROM inbound_messages m JOIN contacts c ON c.id = m.contact_id
            WHERE m.failed_at IS NOT NULL ORDER BY m.id LIMIT @limit
            """, new { limit }).ToList();

    /// <summary>
    /// Puts dead letters back in the queue with a fresh budget (all of them when <paramref name="id"/> is null);
    /// returns how many. The worker steps each as the person's oldest waiting message.
    /// </summary>
    public static int Retry(WriteTransaction write, long? id) =>
        write.Connection.Execute(
            """
            UPDATE inbound_messages SET failed_at = NULL, processed_at = NULL, attempts = 0, next_attempt_at = NULL
            WHERE failed_at IS NOT NULL AND (@id IS NULL OR id = @id)
            """, new { id }, write.Transaction);

    // An exception's text can be long (inner exceptions, SQL); the operator needs its first lines.
    private static string Shorten(string error) => error.Length <= 2000 ? error : error[..2000];
}

/// <summary>One dead letter as <c>messages failed</c> shows it.</summary>
public sealed class DeadLetter
{
    public long Id { get; init; }

    public string FailedAt { get; init; } = "";

    /// <summary>channel:address</summary>
    public string Contact { get; init; } = "";

    /// <summary>The question the person was at.</summary>
    public string? NodeId { get; init; }

    public long Attempts { get; init; }

    public string? Error { get; init; }

    public string Kind { get; init; } = "";

    public string? Text { get; init; }
}
