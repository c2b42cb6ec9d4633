using Microsoft.Data.Sqlite;

namespace OvopBot.Storage;

/// <summary>
/// Copies the write-ahead log into the database file in the background. SQLite's own automatic checkpoint runs inside
/// the commit that crosses 1,000 log pages, with two disk syncs (synchronous = NORMAL), while that commit holds the
/// process-wide write lock; here a passive checkpoint runs every <see cref="CommitsPerCheckpoint"/> commits on a
/// connection of its own, beside the writer (WAL lets it), so no message waits for those syncs. Crash safety is
/// unchanged: a committed transaction is in the log, which SQLite replays at the next open.
/// </summary>
/// <remarks>
/// A passive checkpoint never waits for the writer, so under a steady stream of commits it may never catch up with
/// the end of the log, and the log only starts over once it has. The writer's own automatic checkpoint therefore
/// stays on as a backstop at <see cref="BackstopPages"/> pages: it runs in a commit (with the lock held) only when the
/// background ones fall that far behind, then the log starts over. The cost is a log file of up to about
/// <see cref="BackstopPages"/> × 4 KiB on disk.
/// </remarks>
internal sealed class WalCheckpoints : IDisposable
{
    /// <summary>About as often as SQLite's own default (every 1,000 log pages) at the tens of pages a commit writes.</summary>
    internal const int CommitsPerCheckpoint = 64;

    internal const int BackstopPages = 10_000;

    private readonly SqliteDatabase _database;
    private int _commits;
    private Task _running = Task.CompletedTask;
    private int _busy;

    public WalCheckpoints(SqliteDatabase database, SqliteConnection writer)
    {
        _database = database;
        SqliteDatabase.Execute(writer, $"PRAGMA wal_autocheckpoint = {BackstopPages};");
    }

    /// <summary>Called after each commit of the writer (under the write lock, so without contention on the count).</summary>
    public void Committed()
    {
        if (++_commits < CommitsPerCheckpoint || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            return;
        }

        _commits = 0;
        _running = Task.Run(Checkpoint);
    }

    private void Checkpoint()
    {
        try
        {
            using var connection = _database.Open();
            SqliteDatabase.Execute(connection, "PRAGMA wal_checkpoint(PASSIVE);");
        }
        catch (SqliteException)
        {
            // Nothing is lost: the log keeps every commit, the next checkpoint (or the writer's backstop) copies it.
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>
    /// Copies the whole log into the file and empties it, after a background checkpoint still running (SQLite gives up
    /// at once when another checkpoint holds its lock). Called under the write lock, so no new one starts meanwhile.
    /// </summary>
    public async Task TruncateAsync(SqliteConnection writer)
    {
        await _running;
        SqliteDatabase.Execute(writer, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    /// <summary>Waits for a checkpoint still running, so the file is not closed under it.</summary>
    public void Dispose() => _running.Wait();
}
