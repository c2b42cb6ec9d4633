using System.Text.RegularExpressions;
using OvopBot.Roles;
using OvopBot.Tests.TestSupport;
using OvopBot.Web;

namespace OvopBot.Tests.Web;

/// <summary>Login links and sessions on the manual clock, over the real store: lifetimes, single use, sliding expiry, revocation.</summary>
public sealed partial class WebLoginTests : IDisposable
{
    private readonly BotHarness _bot = new(settings: new Dictionary<string, string> { ["Web:PublicUrl"] = "https://ovop.example.go.id/" });

    [Fact]
    public async Task A_link_works_once_within_ten_minutes_and_names_the_public_address()
    {
        var id = await GrantAsync("telegram:501", StaffRole.Facilitator, "53.01");
        var login = _bot.Get<WebLogin>();

        var link = (await login.CreateLinkAsync(id, default))!;
        Assert.Matches(LinkPattern(), link.Url);
        Assert.Equal(_bot.Time.GetUtcNow().AddMinutes(10), link.ExpiresAt);
        _bot.Time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));

        var first = await login.RedeemAsync(Token(link), default);
        var again = await login.RedeemAsync(Token(link), default);

        Assert.NotNull(first.SessionToken);
        Assert.Equal(WebLoginRefusal.Used, again.Refusal);
        var staff = await login.AuthenticateAsync(first.SessionToken, default);
        Assert.Equal(["53.01"], staff!.Scopes);
        Assert.Equal(StaffRole.Facilitator, staff.Role);
    }

    [Fact]
    public async Task A_link_opened_after_ten_minutes_is_refused_and_a_person_without_a_role_gets_none()
    {
        var id = await GrantAsync("telegram:502", StaffRole.Admin, "53");
        var login = _bot.Get<WebLogin>();
        var link = (await login.CreateLinkAsync(id, default))!;
        _bot.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(WebLoginRefusal.Expired, (await login.RedeemAsync(Token(link), default)).Refusal);
        Assert.Equal(WebLoginRefusal.Unknown, (await login.RedeemAsync(new string('A', 43), default)).Refusal);
        Assert.Equal(WebLoginRefusal.Unknown, (await login.RedeemAsync("' OR 1=1 --", default)).Refusal);
        Assert.Null(await login.CreateLinkAsync(id + 1000, default));
    }

    [Fact]
    public async Task A_session_slides_for_twelve_idle_hours_and_ends_when_a_bound_role_is_revoked()
    {
        var id = await GrantAsync("whatsapp:6281200000001", StaffRole.Facilitator, "53.01");
        await GrantAsync("whatsapp:6281200000001", StaffRole.Facilitator, "53.04");
        var login = _bot.Get<WebLogin>();
        var session = (await login.RedeemAsync(Token((await login.CreateLinkAsync(id, default))!), default)).SessionToken;

        for (var i = 0; i < 3; i++)
        {
            _bot.Time.Advance(TimeSpan.FromHours(11));
            Assert.NotNull(await login.AuthenticateAsync(session, default));
        }

        _bot.Time.Advance(TimeSpan.FromHours(12));
        Assert.Null(await login.AuthenticateAsync(session, default));

        session = (await login.RedeemAsync(Token((await login.CreateLinkAsync(id, default))!), default)).SessionToken;
        Assert.Equal(2, (await login.AuthenticateAsync(session, default))!.Scopes.Count);
        await _bot.Get<RoleStore>().RevokeAsync(new ContactRef("whatsapp", "6281200000001"), StaffRole.Facilitator, "53.04", default);
        Assert.Null(await login.AuthenticateAsync(session, default));

        // The grant that is left makes a new link with the smaller scope.
        session = (await login.RedeemAsync(Token((await login.CreateLinkAsync(id, default))!), default)).SessionToken;
        Assert.Equal(["53.01"], (await login.AuthenticateAsync(session, default))!.Scopes);
    }

    [Fact]
    public async Task The_chat_answers_WEB_or_MASUK_from_staff_with_a_link_and_ignores_them_from_others()
    {
        await GrantAsync("console:fasilitator", StaffRole.Facilitator, "53.01");

        var reply = string.Join("\n", await _bot.SayAsync("MASUK", from: "fasilitator"));
        Assert.Matches(LinkPattern(), reply);
        Assert.Contains("https://ovop.example.go.id/admin", reply, StringComparison.Ordinal);
        Assert.Contains("10 menit", reply, StringComparison.Ordinal);
        Assert.True(reply.Length <= 500, reply);

        var stranger = string.Join("\n", await _bot.SayAsync("WEB", from: "warga"));
        Assert.DoesNotContain("/admin/login/", stranger, StringComparison.Ordinal);
    }

    private async Task<long> GrantAsync(string contact, StaffRole role, string region)
    {
        Assert.True(ContactRef.TryParse(contact, out var who));
        await _bot.Get<RoleStore>().GrantAsync(who, role, region, "test", default, _bot.Time.GetUtcNow());
        return (await _bot.Get<RoleStore>().ContactIdAsync(who, default))!.Value;
    }

    private static string Token(WebLoginLink link) => link.Url[(link.Url.LastIndexOf('/') + 1)..];

    [GeneratedRegex("^https://ovop\\.example\\.go\\.id/admin/login/[A-Za-z0-9_-]{43}$|https://ovop\\.example\\.go\\.id/admin/login/[A-Za-z0-9_-]{43}\\s")]
    private static partial Regex LinkPattern();

    public void Dispose() => _bot.Dispose();
}
