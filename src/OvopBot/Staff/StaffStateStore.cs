using System.Text.Json;
using Dapper;
using OvopBot.Storage;

namespace OvopBot.Staff;

/// <summary>The <c>staff_sessions</c> table: one JSON state per staff member, apart from the registration session.</summary>
public static class StaffStateStore
{
    public static async Task<StaffState?> LoadAsync(SqliteDatabase database, long contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = database.Open();
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT state_json FROM staff_sessions WHERE contact_id = @contactId", new { contactId }, cancellationToken: cancellationToken));
        return json is null ? null : JsonSerializer.Deserialize<StaffState>(json);
    }

    public static void Save(WriteTransaction write, long contactId, StaffState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        write.Connection.Execute(
            """
            INSERT INTO staff_sessions (contact_id, state_json, updated_at) VALUES (@contactId, @json, @now)
            ON CONFLICT (contact_id) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at
            """,
            new { contactId, json = JsonSerializer.Serialize(state), now = DbTime.Write(now) }, write.Transaction);
    }
}
