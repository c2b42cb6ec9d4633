using System.Data;
using Microsoft.Data.Sqlite;

namespace OvopBot.Storage;

/// <summary>
/// The one SQLite file. Readers open pooled connections freely (WAL lets them run beside the writer); writers go
/// through <see cref="BeginWriteAsync"/>, which serialises them in-process on one long-lived writer connection, so
/// they never spin on SQLITE_BUSY and pay no connection set-up per message.
/// </summary>
/// <remarks>
/// The write-ahead log is copied into the file (checkpointed) by <see cref="WalCheckpoints"/> on a connection of its
/// own, beside the writer, instead of by SQLite inside every thousandth commit: a checkpoint syncs the disk twice, and
/// done in a commit it held the write lock (and everyone queued behind it) for those syncs.
/// </remarks>
public sealed class SqliteDatabase : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly WalCheckpoints _checkpoints;
    private readonly PreparedCommands _prepared;
    private readonly GroupCommit _groupCommit;

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
        _writer = Open();
        Execute(_writer, "PRAGMA journal_mode = WAL;");
        // The savepoint of each step in a group commit keeps the pages it changes in a sub-journal; in memory, not in a
        // temporary file written (and synced away) for every step. Only the writer: readers' big sorts stay on disk.
        Execute(_writer, "PRAGMA temp_store = MEMORY;");
        Migrator.Apply(_writer);
        _checkpoints = new WalCheckpoints(this, _writer);
        _prepared = new PreparedCommands(_writer);
        _groupCommit = new GroupCommit(this);
    }

    public string Path { get; }

    /// <summary>Opens a connection with the per-connection settings (foreign keys, sync level, busy timeout).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // NORMAL is crash-safe in WAL mode (a power cut may lose the last commits, never corrupt the file);
        // FULL would cost an fsync per message.
        // secure_delete: deleted and overwritten values are zeroed, so an erased person's data (UU 27/2022) does not
        // linger in free space of the file.
        Execute(connection, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON;");
        return connection;
    }

    /// <summary>Starts an immediate transaction on the writer connection while holding the process-wide write lock.</summary>
    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var transaction = _writer.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            return new WriteTransaction(_writer, transaction, _writeLock, _checkpoints.Committed, _prepared);
        }
        catch
        {
            _writeLock.Release();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction shared with other callers' work that arrives meanwhile,
    /// all-or-nothing for each (<see cref="GroupCommit"/>); returns once it is committed, throws what it threw (its
    /// changes undone, nobody else's). The work must not commit: the batch does.
    /// </summary>
    public Task InBatchAsync(Func<WriteTransaction, Task> work, CancellationToken cancellationToken) =>
        _groupCommit.RunAsync(work, cancellationToken);

    /// <summary>
    /// Copies the write-ahead log into the file and empties it (after an erasure: old page images in the log still
    /// hold the erased values). Waits for readers; with one still reading, the next call finishes the job.
    /// </summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _checkpoints.TruncateAsync(_writer);
        }
        finally
        {
            _writeLock.Release();
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
        _checkpoints.Dispose();
        _prepared.Dispose();
        _writer.Dispose();
        _writeLock.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
