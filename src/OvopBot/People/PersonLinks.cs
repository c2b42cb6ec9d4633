using Dapper;
using OvopBot.Storage;

namespace OvopBot.People;

/// <summary>
/// One person across channels. Contacts (one per channel address) that belong to one person share
/// <c>contacts.person_id</c>, the id of the person's first contact, which holds the session and so the village record:
/// whichever channel the person writes from, the conversation goes on where it was. Contacts become one person when
/// they share a phone number their platforms vouch for (WhatsApp sender, SMS sender, Telegram's own-contact button),
/// or when the person links them on purpose (<see cref="ChannelLinking"/>). All of it runs inside the caller's
/// write transaction.
/// </summary>
public static class PersonLinks
{
    /// <summary>The contact that holds the person's session: their first contact.</summary>
    public static long Root(WriteTransaction write, long contactId) =>
        write.Prepared("SELECT coalesce(person_id, id) FROM contacts WHERE id = @contactId", ("@contactId", contactId)).ExecuteScalar()
            is long root ? root : 0;

    /// <summary>
    /// Makes the contact one person with every other contact vouched for the same number; returns the person's root.
    /// A contact already linked stays as it is: a number seen later never moves a person's record.
    /// </summary>
    public static long JoinByPhone(WriteTransaction write, long contactId, string? phone)
    {
        var root = Root(write, contactId);
        if (phone is null || root != contactId)
        {
            return root;
        }

        var other = write.Connection.ExecuteScalar<long?>(
            """
            SELECT min(coalesce(person_id, id)) FROM contacts
            WHERE phone = @phone AND id <> @contactId AND coalesce(person_id, id) <> @contactId
            """,
            new { phone, contactId }, write.Transaction);
        return other is { } person ? Join(write, contactId, person) : root;
    }

    /// <summary>
    /// Joins the contact (with any contacts already joined to it) to the person rooted at <paramref name="root"/>.
    /// When both have a session, the one used last goes on (the other's draft stays in the submissions table); a
    /// session only the joining contact had moves to the root. Returns the root.
    /// </summary>
    public static long Join(WriteTransaction write, long contactId, long root)
    {
        var joining = Root(write, contactId);
        if (joining == root)
        {
            return root;
        }

        var p = new { joining, root };
        var sessions = write.Connection.Query<(long ContactId, string? Activity)>(
            "SELECT contact_id, coalesce(last_activity_at, updated_at) FROM sessions WHERE contact_id IN (@joining, @root)",
            p, write.Transaction).ToDictionary(s => s.ContactId, s => s.Activity);
        if (sessions.ContainsKey(joining)
            && (!sessions.TryGetValue(root, out var rootActivity)
                || string.CompareOrdinal(sessions[joining], rootActivity) > 0))
        {
            write.Connection.Execute("DELETE FROM sessions WHERE contact_id = @root", p, write.Transaction);
            write.Connection.Execute("UPDATE sessions SET contact_id = @root WHERE contact_id = @joining", p, write.Transaction);
        }
        else
        {
            write.Connection.Execute("DELETE FROM sessions WHERE contact_id = @joining", p, write.Transaction);
        }

        write.Connection.Execute("UPDATE contacts SET person_id = @root WHERE id = @joining OR person_id = @joining", p,
            write.Transaction);
        return root;
    }

    /// <summary>
    /// True when the person's previous message came from another of their contacts: they changed channel, and are
    /// greeted back with their progress instead of having their first words taken as an answer.
    /// </summary>
    public static bool SwitchedChannel(WriteTransaction write, long contactId, long inboundId)
    {
        var previous = write.Prepared(
            """
            SELECT i.contact_id FROM inbound_messages i JOIN contacts c ON c.id = i.contact_id
            WHERE coalesce(c.person_id, c.id) = (SELECT coalesce(person_id, id) FROM contacts WHERE id = @contactId)
              AND i.id < @inboundId AND i.processed_at IS NOT NULL
            ORDER BY i.id DESC LIMIT 1
            """,
            ("@contactId", contactId), ("@inboundId", inboundId)).ExecuteScalar();
        return previous is long before && before != contactId;
    }

    /// <summary>The person's contact that wrote last: where reminders and broadcasts reach them.</summary>
    public const string LastUsedContactSql =
        """
        (SELECT l.id FROM contacts l WHERE coalesce(l.person_id, l.id) = coalesce({0}.person_id, {0}.id)
         ORDER BY coalesce(l.last_inbound_at, '') DESC, l.id LIMIT 1)
        """;
}
