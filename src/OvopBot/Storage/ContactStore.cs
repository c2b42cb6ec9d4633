using Dapper;

namespace OvopBot.Storage;

/// <summary>Updates to a contact's flags (reachability, opt-out, language) inside a write transaction.</summary>
public static class ContactStore
{
    public static void SetReachable(WriteTransaction write, long contactId, bool reachable) =>
        write.Connection.Execute("UPDATE contacts SET reachable = @reachable WHERE id = @contactId",
            new { contactId, reachable = reachable ? 1 : 0 }, write.Transaction);

    /// <summary>BERHENTI / MULAI speaks for the person, so it holds on every channel they are linked on.</summary>
    public static void SetOptedOut(WriteTransaction write, long contactId, bool optedOut) =>
        write.Connection.Execute(
            """
            UPDATE contacts SET opted_out = @optedOut
            WHERE coalesce(person_id, id) = (SELECT coalesce(person_id, id) FROM contacts WHERE id = @contactId)
            """,
            new { contactId, optedOut = optedOut ? 1 : 0 }, write.Transaction);

    public static void SetLanguage(WriteTransaction write, long contactId, string language) =>
        write.Connection.Execute("UPDATE contacts SET language = @language WHERE id = @contactId",
            new { contactId, language }, write.Transaction);

    public static string? Language(WriteTransaction write, long contactId) =>
        write.Connection.QuerySingleOrDefault<string?>("SELECT language FROM contacts WHERE id = @contactId",
            new { contactId }, write.Transaction);
}
