using Dapper;
using OvopBot.Storage;

namespace OvopBot.Reminders;

/// <summary>
/// A reminder that could not be made (the person's session unreadable, their question gone from the flow) is recorded
/// among the reminders with its error instead of a send: the reminder loop leaves the person alone until they write
/// again (a new idle period), and <c>reminders_sent.error</c> tells the operator whom it missed and why.
/// </summary>
public static class ReminderSkips
{
    public static async Task RecordAsync(SqliteDatabase database, long contactId, string idleSince, int number, Exception error,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(error);
        using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT OR IGNORE INTO reminders_sent (contact_id, idle_since, number, sent_at, error)
            VALUES (@contactId, @idleSince, @number, @now, @error)
            """,
            new { contactId, idleSince, number, now = DbTime.Write(now), error = $"{error.GetType().Name}: {error.Message}" },
            write.Transaction, cancellationToken: cancellationToken));
        write.Commit();
    }
}
