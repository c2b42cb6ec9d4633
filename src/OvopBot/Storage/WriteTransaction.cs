using Microsoft.Data.Sqlite;

namespace OvopBot.Storage;

/// <summary>An open write transaction; disposing without <see cref="Commit"/> rolls back. Releases the write lock.</summary>
/// <param name="committed">Told after each commit (the database's checkpoints count them).</param>
/// <param name="prepared">The writer connection's compiled commands, see <see cref="Prepared"/>.</param>
public sealed class WriteTransaction(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim writeLock,
    Action committed, PreparedCommands prepared) : IDisposable
{
    private bool _disposed;

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    /// <summary>
    /// A command for one of the statements every message runs, compiled once per connection and reused, with these
    /// parameters bound and this transaction set. Read its results before the next call for the same text.
    /// </summary>
    public SqliteCommand Prepared(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        prepared.For(sql, Transaction, parameters);

    /// <summary>False once SQLite has undone the whole transaction by itself (after disk full, an I/O error…).</summary>
    public bool InTransaction => SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    public void Commit()
    {
        Transaction.Commit();
        committed();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // The connection is the database's long-lived writer: it stays open for the next transaction.
        Transaction.Dispose();
        writeLock.Release();
    }
}
