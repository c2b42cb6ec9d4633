using Dapper;
using OvopBot.Storage;

namespace OvopBot.People;

/// <summary>
/// The SQL of linking a channel, in the caller's write transaction: the <c>link_requests</c> table (one row per code
/// asked for: its hash, wrong codes so far, expiry; open while <c>closed_at</c> is null), the record a reference
/// names, its owner, and the session and draft a contact leaves behind when it joins another person.
/// </summary>
internal static class LinkRequests
{
    /// <summary>The contact's open request (the newest), or null.</summary>
    public static OpenLink? Open(WriteTransaction write, long contactId)
    {
        var row = write.Connection.QuerySingleOrDefault<(long Id, long ToContact, string ToChannel, string? Reference, string CodeHash,
            int Attempts, string ExpiresAt)?>(
            """
            SELECT l.id, l.to_contact, c.channel, s.reference, l.code_hash, l.attempts, l.expires_at
            FROM link_requests l JOIN contacts c ON c.id = l.to_contact LEFT JOIN submissions s ON s.id = l.submission_id
            WHERE l.from_contact = @contactId AND l.closed_at IS NULL
            ORDER BY l.id DESC LIMIT 1
            """, new { contactId }, write.Transaction);
        return row is { } r
            ? new OpenLink(r.Id, r.ToContact, r.ToChannel, r.Reference ?? "-", r.CodeHash, r.Attempts, DbTime.Read(r.ExpiresAt))
            : null;
    }

    /// <summary>The sent (not draft) record with this reference and the contact that owns it, or null.</summary>
    public static (long Id, long Owner)? Record(WriteTransaction write, string reference) =>
        write.Connection.QuerySingleOrDefault<(long Id, long Owner)?>(
            "SELECT id, contact_id FROM submissions WHERE reference = @reference AND status <> 'draft' ORDER BY id LIMIT 1",
            new { reference }, write.Transaction);

    /// <summary>Whether and how a code can reach the record's owner.</summary>
    public static (string Channel, bool Reachable, string? ErasedAt, string? LastInboundAt) Owner(WriteTransaction write, long owner) =>
        write.Connection.QuerySingle<(string Channel, bool Reachable, string? ErasedAt, string? LastInboundAt)>(
            "SELECT channel, reachable, erased_at, last_inbound_at FROM contacts WHERE id = @owner", new { owner }, write.Transaction);

    public static string Channel(WriteTransaction write, long contactId) =>
        write.Connection.QuerySingle<string>("SELECT channel FROM contacts WHERE id = @contactId", new { contactId }, write.Transaction);

    /// <summary>Codes asked for since <paramref name="since"/> by this contact, and sent to this owner.</summary>
    public static (int FromHere, int ToOwner) Recent(WriteTransaction write, long contactId, long owner, DateTimeOffset since) =>
        write.Connection.QuerySingle<(int FromHere, int ToOwner)>(
            """
            SELECT (SELECT count(*) FROM link_requests WHERE from_contact = @contactId AND created_at > @since),
                   (SELECT count(*) FROM link_requests WHERE to_contact = @owner AND created_at > @since)
            """, new { contactId, owner, since = DbTime.Write(since) }, write.Transaction);

    public static void Add(WriteTransaction write, long contactId, long owner, long submissionId, string codeHash, DateTimeOffset now,
        DateTimeOffset expires) =>
        write.Connection.Execute(
            """
            INSERT INTO link_requests (from_contact, to_contact, submission_id, code_hash, created_at, expires_at)
            VALUES (@contactId, @owner, @submissionId, @codeHash, @created, @expires)
            """,
            new { contactId, owner, submissionId, codeHash, created = DbTime.Write(now), expires = DbTime.Write(expires) }, write.Transaction);

    public static void CountAttempt(WriteTransaction write, long id, int attempts) =>
        write.Connection.Execute("UPDATE link_requests SET attempts = @attempts WHERE id = @id", new { attempts, id }, write.Transaction);

    /// <summary>Closes a request as linked, cancelled, replaced, expired or too_many_attempts.</summary>
    public static void Close(WriteTransaction write, long id, string outcome, DateTimeOffset now) =>
        write.Connection.Execute("UPDATE link_requests SET closed_at = @now, outcome = @outcome WHERE id = @id",
            new { id, outcome, now = DbTime.Write(now) }, write.Transaction);

    /// <summary>
    /// The joining person's own session and unsent draft go (a registration it had begun before linking): the
    /// owner's conversation is the one that goes on.
    /// </summary>
    public static void ForgetConversation(WriteTransaction write, long joining)
    {
        var (_, draft) = SessionStore.Load(write, joining);
        SubmissionStore.DeleteDraft(write, draft);
        write.Connection.Execute(
            """
            DELETE FROM sessions WHERE contact_id = @joining;
            DELETE FROM submissions WHERE id = @draft AND status = 'draft'
              AND NOT EXISTS (SELECT 1 FROM submission_history h WHERE h.submission_id = submissions.id)
              AND NOT EXISTS (SELECT 1 FROM submission_proposals p WHERE p.submission_id = submissions.id);
            """, new { joining, draft }, write.Transaction);
    }
}

/// <summary>An open request for a code: the record's owner and their channel, the reference, the code's hash, wrong codes so far, expiry.</summary>
internal sealed record OpenLink(long Id, long ToContact, string ToChannel, string Reference, string CodeHash, int Attempts, DateTimeOffset ExpiresAt);
