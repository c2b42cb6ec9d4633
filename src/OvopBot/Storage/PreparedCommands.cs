using Microsoft.Data.Sqlite;

namespace OvopBot.Storage;

/// <summary>
/// The writer connection's commands for the statements every message runs, each compiled by SQLite once and then
/// reused: a command made per call (as Dapper makes them) is parsed and planned again every time, which was about
/// half of SQLite's work in a conversation step. A command keeps its compiled statement while its text stays the
/// same; SQLite recompiles it by itself after a schema change. Used only under the write lock, so one at a time.
/// </summary>
public sealed class PreparedCommands(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteCommand For(string sql, SqliteTransaction transaction, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
