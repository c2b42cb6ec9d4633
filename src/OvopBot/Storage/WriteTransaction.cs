using Microsoft.Data.Sqlite;

namespace OvopBot.Storage;

/// <summary>An open write transaction; disposing without <see cref="Commit"/> rolls back. Releases the write lock.</summary>
public sealed class WriteTransaction(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim writeLock)
    : IDisposable
{
    private bool _disposed;

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    public void Commit() => Transaction.Commit();

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
