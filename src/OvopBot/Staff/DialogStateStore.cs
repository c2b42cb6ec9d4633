using System.Text.Json;
using Dapper;
using OvopBot.Flows.Engine;
using OvopBot.Storage;

namespace OvopBot.Staff;

/// <summary>The <c>staff_dialogs</c> table: one staff-flow state per staff member, apart from the registration session.</summary>
public static class DialogStateStore
{
    public static DialogState? Load(WriteTransaction write, long contactId)
    {
        ArgumentNullException.ThrowIfNull(write);
        var json = write.Connection.ExecuteScalar<string?>(
            "SELECT state_json FROM staff_dialogs WHERE contact_id = @contactId", new { contactId }, write.Transaction);
        return json is null ? null : JsonSerializer.Deserialize<DialogState>(json);
    }

    public static void Save(WriteTransaction write, long contactId, DialogState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        write.Connection.Execute(
            """
            INSERT INTO staff_dialogs (contact_id, state_json, updated_at) VALUES (@contactId, @json, @now)
            ON CONFLICT (contact_id) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at
            """,
            new { contactId, json = JsonSerializer.Serialize(state), now = DbTime.Write(now) }, write.Transaction);
    }
}
