using System.Text.Json;
using Dapper;
using OvopBot.Flows.Engine;
using OvopBot.Storage;

namespace OvopBot.Staff;

/// <summary>
/// The dialog tables: one dialog-flow state per contact, apart from the registration session: <c>staff_dialogs</c>
/// for the staff flow, <c>link_dialogs</c> for linking a channel. Apart from each other too, because a staff member
/// may write a record's reference while a staff dialog of theirs is open.
/// </summary>
public static class DialogStateStore
{
    public const string Staff = "staff_dialogs";
    public const string Linking = "link_dialogs";

    public static DialogState? Load(WriteTransaction write, long contactId, string table = Staff)
    {
        ArgumentNullException.ThrowIfNull(write);
        var json = write.Connection.ExecuteScalar<string?>(
            $"SELECT state_json FROM {Checked(table)} WHERE contact_id = @contactId", new { contactId }, write.Transaction);
        return json is null ? null : JsonSerializer.Deserialize<DialogState>(json);
    }

    public static void Save(WriteTransaction write, long contactId, DialogState state, DateTimeOffset now, string table = Staff)
    {
        ArgumentNullException.ThrowIfNull(write);
        write.Connection.Execute(
            $"""
            INSERT INTO {Checked(table)} (contact_id, state_json, updated_at) VALUES (@contactId, @json, @now)
            ON CONFLICT (contact_id) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at
            """,
            new { contactId, json = JsonSerializer.Serialize(state), now = DbTime.Write(now) }, write.Transaction);
    }

    /// <summary>The table names are this class's own constants, never input.</summary>
    private static string Checked(string table) =>
        table is Staff or Linking ? table : throw new ArgumentOutOfRangeException(nameof(table), table, "not a dialog table");
}
