using Dapper;

namespace OvopBot.Storage;

/// <summary>SQLite-backed <see cref="IChannelStateStore"/> (table <c>channel_state</c>).</summary>
public sealed class ChannelStateStore(SqliteDatabase database) : IChannelStateStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition("SELECT value FROM channel_state WHERE key = @key", new { key }, cancellationToken: cancellationToken));
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO channel_state (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            new { key, value }, write.Transaction, cancellationToken: cancellationToken));
        write.Commit();
    }
}
