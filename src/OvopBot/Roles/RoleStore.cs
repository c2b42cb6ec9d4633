using Dapper;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Roles;

/// <summary>
/// Staff roles (table <c>staff_roles</c>): grant, revoke, list, and the scope check every staff action makes. An
/// admin may do whatever a facilitator may, inside the admin's own regions.
/// </summary>
public sealed class RoleStore(SqliteDatabase database)
{
    /// <summary>The contact's id, creating the row when the person has not written yet (roles can be given first).</summary>
    public static long EnsureContact(WriteTransaction write, ContactRef contact, DateTimeOffset now) =>
        write.Connection.ExecuteScalar<long>(
            """
            INSERT INTO contacts (channel, address, created_at) VALUES (@Channel, @Address, @now)
            ON CONFLICT (channel, address) DO UPDATE SET channel = excluded.channel
            RETURNING id
            """,
            new { contact.Channel, contact.Address, now = DbTime.Write(now) }, write.Transaction);

    /// <summary>Grants the role; returns false when the person already had it for that region.</summary>
    /// <summary>True when the contact holds any staff role (the roles <see cref="RegionsAsync"/> gives scopes for), read in the caller's transaction.</summary>
    public static bool HoldsAnyRole(WriteTransaction write, long contactId) =>
        write.Connection.ExecuteScalar<bool>(
            "SELECT EXISTS (SELECT 1 FROM staff_roles WHERE contact_id = @contactId AND role IN ('admin', 'facilitator'))",
            new { contactId }, write.Transaction);

    public static bool Grant(WriteTransaction write, long contactId, StaffRole role, string regionCode, string grantedBy, DateTimeOffset now) =>
        write.Connection.Execute(
            """
            INSERT INTO staff_roles (contact_id, role, region_code, granted_by, granted_at)
            VALUES (@contactId, @role, @regionCode, @grantedBy, @now)
            ON CONFLICT (contact_id, role, region_code) DO NOTHING
            """,
            new { contactId, role = StaffRoles.ToText(role), regionCode, grantedBy, now = DbTime.Write(now) }, write.Transaction) == 1;

    public async Task<bool> GrantAsync(ContactRef contact, StaffRole role, string regionCode, string grantedBy, CancellationToken cancellationToken,
        DateTimeOffset now)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        var added = Grant(write, EnsureContact(write, contact, now), role, regionCode, grantedBy, now);
        write.Commit();
        return added;
    }

    /// <summary>Revokes the role in one region, or in every region when <paramref name="regionCode"/> is null; returns how many grants ended.</summary>
    public async Task<int> RevokeAsync(ContactRef contact, StaffRole role, string? regionCode, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        var removed = await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM staff_roles
            WHERE contact_id = (SELECT id FROM contacts WHERE channel = @Channel AND address = @Address)
              AND role = @role AND (@regionCode IS NULL OR region_code = @regionCode)
            """,
            new { contact.Channel, contact.Address, role = StaffRoles.ToText(role), regionCode }, write.Transaction,
            cancellationToken: cancellationToken));
        write.Commit();
        return removed;
    }

    /// <summary>Every grant, by person then role and region; only one person's when <paramref name="contact"/> is given.</summary>
    public async Task<IReadOnlyList<RoleGrant>> ListAsync(CancellationToken cancellationToken, ContactRef? contact = null)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<(long ContactId, string Channel, string Address, string Role, string RegionCode, string GrantedBy, string GrantedAt)>(
            new CommandDefinition(
                """
                SELECT r.contact_id, c.channel, c.address, r.role, r.region_code, r.granted_by, r.granted_at
                FROM staff_roles r JOIN contacts c ON c.id = r.contact_id
                WHERE @Channel IS NULL OR (c.channel = @Channel AND c.address = @Address)
                ORDER BY c.channel, c.address, r.role, r.region_code
                """,
                new { contact?.Channel, contact?.Address }, cancellationToken: cancellationToken));
        return rows.Select(r => new RoleGrant(r.ContactId, $"{r.Channel}:{r.Address}", StaffRoles.Parse(r.Role), r.RegionCode,
            r.GrantedBy, DbTime.Read(r.GrantedAt))).ToList();
    }

    /// <summary>The region codes in which the person may act as <paramref name="role"/> (admins count as facilitators too).</summary>
    public async Task<IReadOnlyList<string>> RegionsAsync(long contactId, StaffRole role, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var roles = role == StaffRole.Admin ? new[] { "admin" } : ["admin", "facilitator"];
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT region_code FROM staff_roles WHERE contact_id = @contactId AND role IN @roles ORDER BY region_code",
            new { contactId, roles }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The contact id of a person, or null when they never wrote and were never given a role.</summary>
    public async Task<long?> ContactIdAsync(ContactRef contact, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM contacts WHERE channel = @Channel AND address = @Address", new { contact.Channel, contact.Address },
            cancellationToken: cancellationToken));
    }

    /// <summary>True when one of the person's regions for the role contains <paramref name="regionCode"/>.</summary>
    public async Task<bool> CoversAsync(long contactId, StaffRole role, string regionCode, CancellationToken cancellationToken) =>
        (await RegionsAsync(contactId, role, cancellationToken)).Any(scope => RegionCode.IsWithin(regionCode, scope));
}
