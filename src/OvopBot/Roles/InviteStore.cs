using Dapper;
using OvopBot.Storage;

namespace OvopBot.Roles;

/// <summary>
/// One-time invite codes (table <c>invites</c>). Creating one returns the code once; only its hash is stored.
/// Redeeming runs inside the conversation step's transaction, so the role, the used mark and the reply commit
/// together, and two people racing for one code cannot both get it.
/// </summary>
public sealed class InviteStore(SqliteDatabase database)
{
    public async Task<string> CreateAsync(StaffRole role, string regionCode, string regionName, string createdBy,
        DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var code = InviteCode.Generate();
        using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO invites (code_hash, role, region_code, region_name, created_by, created_at, expires_at)
            VALUES (@hash, @role, @regionCode, @regionName, @createdBy, @now, @expiresAt)
            """,
            new
            {
                hash = InviteCode.Hash(code), role = StaffRoles.ToText(role), regionCode, regionName, createdBy,
                now = DbTime.Write(now), expiresAt = DbTime.Write(expiresAt),
            },
            write.Transaction, cancellationToken: cancellationToken));
        write.Commit();
        return code;
    }

    /// <summary>Uses the code for the contact if it is known, unused and unexpired, and grants its role.</summary>
    public static InviteRedemption Redeem(WriteTransaction write, string canonicalCode, long contactId, DateTimeOffset now)
    {
        var invite = write.Connection.QuerySingleOrDefault<(long Id, string Role, string RegionCode, string RegionName, string ExpiresAt, string? UsedAt)?>(
            "SELECT id, role, region_code, region_name, expires_at, used_at FROM invites WHERE code_hash = @hash",
            new { hash = InviteCode.Hash(canonicalCode) }, write.Transaction);
        if (invite is not { } row)
        {
            return new InviteRedemption(InviteOutcome.Unknown);
        }

        var role = StaffRoles.Parse(row.Role);
        if (row.UsedAt is not null)
        {
            return new InviteRedemption(InviteOutcome.Used, role, row.RegionCode, row.RegionName);
        }

        if (DbTime.Read(row.ExpiresAt) <= now)
        {
            return new InviteRedemption(InviteOutcome.Expired, role, row.RegionCode, row.RegionName);
        }

        write.Connection.Execute("UPDATE invites SET used_at = @now, used_by = @contactId WHERE id = @Id AND used_at IS NULL",
            new { now = DbTime.Write(now), contactId, row.Id }, write.Transaction);
        RoleStore.Grant(write, contactId, role, row.RegionCode, $"invite:{row.Id}", now);
        return new InviteRedemption(InviteOutcome.Accepted, role, row.RegionCode, row.RegionName);
    }
}
