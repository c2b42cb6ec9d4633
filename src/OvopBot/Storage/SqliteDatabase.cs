using System.Data;
using Microsoft.Data.Sqlite;

namespace OvopBot.Storage;

/// <summary>
/// The one SQLite file. Readers open pooled connections freely (WAL lets them run beside the writer); writers go
/// through <see cref="BeginWriteAsync"/>, which serialises them in-process so they never spin on SQLITE_BUSY.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Migrator.Apply(connection);
    }

    public string Path { get; }

    /// <summary>Opens a connection with the per-connection settings (foreign keys, sync level, busy timeout).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // NORMAL is crash-safe in WAL mode (a power cut may lose the last commits, never corrupt the file);
        // FULL would cost an fsync per message.
        Execute(connection, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;");
        return connection;
    }

    /// <summary>Opens a connection and starts an immediate transaction while holding the process-wide write lock.</summary>
    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var connection = Open();
            var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            return new WriteTransaction(connection, transaction, _writeLock);
        }
        catch
        {
            _writeLock.Release();
            throw;
        }
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _writeLock.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
