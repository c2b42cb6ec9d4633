using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvopBot.Roles;
using OvopBot.Storage;

namespace OvopBot.Web;

/// <summary>
/// Passwordless login for the dashboard. A staff member gets a one-time link (from the chat or from <c>web link</c>):
/// a random token, valid <see cref="WebOptions.LinkLifetime"/>, bound to the role and regions they hold. Opening it
/// starts a session (another random token, kept in a cookie) with a sliding idle timeout. Every request re-checks the
/// roles: once a grant the session was bound to is revoked, the session is gone. Only SHA-256 hashes are stored.
/// </summary>
public sealed class WebLogin(SqliteDatabase database, RoleStore roles, IOptions<WebOptions> options, IConfiguration configuration,
    TimeProvider time, IServiceProvider services)
{
    /// <summary>A busy dashboard does not write on every click: the idle clock restarts at most this often.</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    private WebOptions Options => options.Value;

    /// <summary>
    /// The dashboard's address as staff open it, without a trailing slash: <c>Web:PublicUrl</c>; else, in the running
    /// service, the address it actually listens on; else the first of <c>Urls</c>.
    /// </summary>
    public string PublicUrl
    {
        get
        {
            var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            var url = !string.IsNullOrWhiteSpace(Options.PublicUrl)
                ? Options.PublicUrl
                : listening ?? (configuration["urls"] ?? Hosting.ServiceHost.DefaultUrls).Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
            return url.Trim().TrimEnd('/');
        }
    }

    /// <summary>How long a new link stays valid, in whole minutes, as the chat tells it.</summary>
    public int LinkMinutes => (int)Math.Ceiling(Options.LinkLifetime.TotalMinutes);

    /// <summary>The dashboard's start page.</summary>
    public string DashboardUrl => PublicUrl + "/admin";

    /// <summary>A new login link for the person, or null when they hold no staff role (the command line: its own transaction).</summary>
    public async Task<WebLoginLink?> CreateLinkAsync(long contactId, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        var link = await CreateLinkAsync(write, contactId, cancellationToken);
        write.Commit();
        return link;
    }

    /// <summary>A new login link, stored in the caller's transaction (a staff message's), or null when they hold no staff role.</summary>
    public async Task<WebLoginLink?> CreateLinkAsync(WriteTransaction write, long contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (role, scopes) = await GrantsAsync(contactId, cancellationToken);
        if (scopes.Count == 0)
        {
            return null;
        }

        var token = NewToken();
        var now = time.GetUtcNow();
        var expires = now + Options.LinkLifetime;
        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO web_login_links (token_hash, contact_id, role, scopes_json, created_at, expires_at)
            VALUES (@hash, @contactId, @role, @scopes, @now, @expires)
            """,
            new { hash = Hash(token), contactId, role = StaffRoles.ToText(role), scopes = JsonSerializer.Serialize(scopes), now = DbTime.Write(now), expires = DbTime.Write(expires) },
            write.Transaction, cancellationToken: cancellationToken));
        return new WebLoginLink($"{PublicUrl}/admin/login/{token}", expires);
    }

    /// <summary>Uses a link's token once: a new session token, or why not.</summary>
    public async Task<WebLoginResult> RedeemAsync(string? token, CancellationToken cancellationToken)
    {
        if (!LooksLikeToken(token))
        {
            return WebLoginResult.Refused(WebLoginRefusal.Unknown);
        }

        var now = time.GetUtcNow();
        using var write = await database.BeginWriteAsync(cancellationToken);
        var link = await write.Connection.QuerySingleOrDefaultAsync<(long ContactId, string Role, string Scopes, string ExpiresAt, string? UsedAt)?>(
            new CommandDefinition("SELECT contact_id, role, scopes_json, expires_at, used_at FROM web_login_links WHERE token_hash = @hash",
                new { hash = Hash(token!) }, write.Transaction, cancellationToken: cancellationToken));
        if (link is not { } l)
        {
            return WebLoginResult.Refused(WebLoginRefusal.Unknown);
        }

        if (l.UsedAt is not null)
        {
            return WebLoginResult.Refused(WebLoginRefusal.Used);
        }

        if (DbTime.Read(l.ExpiresAt) <= now)
        {
            return WebLoginResult.Refused(WebLoginRefusal.Expired);
        }

        await write.Connection.ExecuteAsync(new CommandDefinition("UPDATE web_login_links SET used_at = @now WHERE token_hash = @hash",
            new { now = DbTime.Write(now), hash = Hash(token!) }, write.Transaction, cancellationToken: cancellationToken));
        var session = NewToken();
        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO web_sessions (token_hash, contact_id, role, scopes_json, csrf, created_at, last_seen_at, expires_at)
            VALUES (@hash, @contactId, @role, @scopes, @csrf, @now, @now, @expires)
            """,
            new
            {
                hash = Hash(session), contactId = l.ContactId, role = l.Role, scopes = l.Scopes, csrf = NewToken(),
                now = DbTime.Write(now), expires = DbTime.Write(now + Options.SessionIdleTimeout),
            },
            write.Transaction, cancellationToken: cancellationToken));
        write.Commit();
        return new WebLoginResult(session, null);
    }

    /// <summary>
    /// The staff member of a session cookie, or null when the cookie is unknown (forged, tampered), idle too long, or
    /// one of its grants was revoked (the session is then deleted, so it never comes back).
    /// </summary>
    public async Task<WebStaff?> AuthenticateAsync(string? sessionToken, CancellationToken cancellationToken)
    {
        if (!LooksLikeToken(sessionToken))
        {
            return null;
        }

        var hash = Hash(sessionToken!);
        var now = time.GetUtcNow();
        (long ContactId, string Role, string Scopes, string Csrf, string LastSeenAt, string ExpiresAt, string Channel, string Address)? row;
        await using (var connection = database.Open())
        {
            row = await connection.QuerySingleOrDefaultAsync<(long, string, string, string, string, string, string, string)?>(new CommandDefinition(
                """
                SELECT s.contact_id, s.role, s.scopes_json, s.csrf, s.last_seen_at, s.expires_at, c.channel, c.address
                FROM web_sessions s JOIN contacts c ON c.id = s.contact_id WHERE s.token_hash = @hash
                """, new { hash }, cancellationToken: cancellationToken));
        }

        if (row is not { } s || DbTime.Read(s.ExpiresAt) <= now)
        {
            return null;
        }

        var role = StaffRoles.Parse(s.Role);
        var scopes = JsonSerializer.Deserialize<List<string>>(s.Scopes) ?? [];
        var current = await roles.RegionsAsync(s.ContactId, role, cancellationToken);
        if (scopes.Count == 0 || scopes.Any(scope => !current.Contains(scope, StringComparer.Ordinal)))
        {
            await EndAllAsync(s.ContactId, cancellationToken);
            return null;
        }

        if (now - DbTime.Read(s.LastSeenAt) >= TouchEvery)
        {
            using var write = await database.BeginWriteAsync(cancellationToken);
            await write.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE web_sessions SET last_seen_at = @now, expires_at = @expires WHERE token_hash = @hash",
                new { now = DbTime.Write(now), expires = DbTime.Write(now + Options.SessionIdleTimeout), hash }, write.Transaction,
                cancellationToken: cancellationToken));
            write.Commit();
        }

        return new WebStaff(s.ContactId, $"{s.Channel}:{s.Address}", role, scopes, s.Csrf);
    }

    /// <summary>Logs the session out.</summary>
    public async Task EndAsync(string sessionToken, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition("DELETE FROM web_sessions WHERE token_hash = @hash",
            new { hash = Hash(sessionToken) }, write.Transaction, cancellationToken: cancellationToken));
        write.Commit();
    }

    /// <summary>Ends every session of the person (their roles changed).</summary>
    public async Task EndAllAsync(long contactId, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition("DELETE FROM web_sessions WHERE contact_id = @contactId",
            new { contactId }, write.Transaction, cancellationToken: cancellationToken));
        write.Commit();
    }

    /// <summary>True when the two anti-forgery tokens are equal, compared in constant time.</summary>
    public static bool CsrfMatches(WebStaff staff, string? sent) =>
        sent is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(staff.Csrf), Encoding.UTF8.GetBytes(sent));

    /// <summary>The highest role the person holds and the regions it covers (a facilitator's view includes admin regions).</summary>
    private async Task<(StaffRole Role, IReadOnlyList<string> Scopes)> GrantsAsync(long contactId, CancellationToken cancellationToken)
    {
        var admin = await roles.RegionsAsync(contactId, StaffRole.Admin, cancellationToken);
        return admin.Count > 0
            ? (StaffRole.Admin, admin)
            : (StaffRole.Facilitator, await roles.RegionsAsync(contactId, StaffRole.Facilitator, cancellationToken));
    }

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>43 base64url characters: anything else is refused before the database is asked.</summary>
    private static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>A login link and when it stops working.</summary>
public sealed record WebLoginLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>Why a login link was not accepted.</summary>
public enum WebLoginRefusal
{
    Unknown,
    Expired,
    Used,
}

/// <summary>A new session's token, or the refusal.</summary>
public sealed record WebLoginResult(string? SessionToken, WebLoginRefusal? Refusal)
{
    public static WebLoginResult Refused(WebLoginRefusal why) => new(null, why);
}
