using Dapper;

namespace OvopBot.Storage;

/// <summary>
/// When a person last wrote on a channel, for the channels' customer-care windows: the time is kept on their contact
/// row (<c>contacts.last_inbound_at</c>, set in the same transaction as each inbound message), so the lookup is one
/// row through the unique (channel, address) index — it runs before every send.
/// </summary>
public sealed class CustomerWindowStore(SqliteDatabase database)
{
    public const string Sql =
        "SELECT last_inbound_at FROM contacts WHERE channel = @channel AND address = @address";

    public async Task<DateTimeOffset?> LastInboundAtAsync(string channel, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        await using var connection = database.Open();
        var at = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(Sql, new { channel, address },
            cancellationToken: cancellationToken));
        return DbTime.ReadNullable(at);
    }
}
