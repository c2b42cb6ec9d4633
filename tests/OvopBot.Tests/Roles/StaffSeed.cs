using Dapper;
using OvopBot.Storage;

namespace OvopBot.Tests.Roles;

/// <summary>Writes contacts, sessions and submissions straight into the test database, as finished conversations leave them.</summary>
internal static class StaffSeed
{
    /// <summary>A person with a submission for the village in the given status ("draft" or "submitted"); returns the contact id.</summary>
    public static long Respondent(SqliteDatabase database, string address, string villageCode, string status, DateTimeOffset at,
        string channel = "telegram", bool optedOut = false, bool reachable = true)
    {
        using var connection = database.Open();
        var time = DbTime.Write(at);
        var contactId = connection.ExecuteScalar<long>(
            """
            INSERT INTO contacts (channel, address, display_name, opted_out, reachable, created_at, last_inbound_at)
            VALUES (@channel, @address, @name, @optedOut, @reachable, @time, @time) RETURNING id
            """,
            new { channel, address, name = "Bapak " + address, optedOut = optedOut ? 1 : 0, reachable = reachable ? 1 : 0, time });
        connection.Execute(
            """
            INSERT INTO submissions (contact_id, village_code, village_name, status, answers_json, started_at, updated_at)
            VALUES (@contactId, @villageCode, 'Desa', @status, '{}', @time, @time)
            """,
            new { contactId, villageCode, status, time });
        return contactId;
    }
}
