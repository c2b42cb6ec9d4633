using Dapper;
using OvopBot.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Roles;

/// <summary>Invite codes sent to the bot, through the real conversation processor and SQLite.</summary>
public sealed class InviteTests : IDisposable
{
    private readonly BotHarness _bot = new();

    private async Task<string> CreateInviteAsync(StaffRole role = StaffRole.Facilitator, string region = "53.01", TimeSpan? validFor = null)
    {
        var now = _bot.Time.GetUtcNow();
        return await _bot.Get<InviteStore>().CreateAsync(role, region, "Kabupaten Kupang", "test", now,
            now + (validFor ?? TimeSpan.FromDays(7)), CancellationToken.None);
    }

    private async Task<IReadOnlyList<RoleGrant>> RolesOfAsync(string address) =>
        await _bot.Get<RoleStore>().ListAsync(CancellationToken.None, new ContactRef("console", address));

    [Fact]
    public async Task A_person_who_sends_a_fresh_code_becomes_facilitator_for_its_region()
    {
        var code = await CreateInviteAsync();

        var replies = await _bot.SayAsync(code, from: "fasilitator-1");

        var reply = Assert.Single(replies);
        Assert.Contains("pendamping", reply, StringComparison.Ordinal);
        Assert.Contains("Kabupaten Kupang", reply, StringComparison.Ordinal);
        var grant = Assert.Single(await RolesOfAsync("fasilitator-1"));
        Assert.Equal((StaffRole.Facilitator, "53.01"), (grant.Role, grant.RegionCode));
    }

    [Fact]
    public async Task A_telegram_start_link_with_the_code_gives_the_role_too()
    {
        var code = await CreateInviteAsync(StaffRole.Admin, "53.04");

        var replies = await _bot.SayAsync($"/start {code}", from: "admin-1");

        Assert.Contains("admin", Assert.Single(replies), StringComparison.Ordinal);
        Assert.Equal(StaffRole.Admin, Assert.Single(await RolesOfAsync("admin-1")).Role);
    }

    [Fact]
    public async Task A_code_typed_in_lower_case_with_spaces_is_still_recognised()
    {
        var code = await CreateInviteAsync();

        await _bot.SayAsync(code.Replace('-', ' ').ToLowerInvariant(), from: "fasilitator-2");

        Assert.Single(await RolesOfAsync("fasilitator-2"));
    }

    [Fact]
    public async Task A_used_code_is_refused_clearly_and_the_second_person_gets_no_role()
    {
        var code = await CreateInviteAsync();
        await _bot.SayAsync(code, from: "first");

        var replies = await _bot.SayAsync(code, from: "second");

        Assert.Contains("sudah dipakai", Assert.Single(replies), StringComparison.Ordinal);
        Assert.Empty(await RolesOfAsync("second"));
    }

    [Fact]
    public async Task An_expired_code_is_refused_clearly_and_gives_no_role()
    {
        var code = await CreateInviteAsync(validFor: TimeSpan.FromDays(7));
        _bot.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        var replies = await _bot.SayAsync(code, from: "late");

        Assert.Contains("kedaluwarsa", Assert.Single(replies), StringComparison.Ordinal);
        Assert.Empty(await RolesOfAsync("late"));
    }

    [Fact]
    public async Task A_made_up_code_of_the_right_shape_is_answered_as_unknown()
    {
        await CreateInviteAsync();

        var replies = await _bot.SayAsync("OVOP-AAAAA-BBBBB", from: "guesser");

        Assert.Contains("tidak dikenal", Assert.Single(replies), StringComparison.Ordinal);
        Assert.Empty(await RolesOfAsync("guesser"));
    }

    [Fact]
    public async Task A_code_sent_in_the_middle_of_a_registration_does_not_move_the_conversation()
    {
        await _bot.SayAsync("halo", from: "kades");
        var consentAgain = await _bot.SayAsync("ya", from: "kades");
        var code = await CreateInviteAsync();

        await _bot.SayAsync(code, from: "kades");
        var afterCode = await _bot.SayAsync("STATUS", from: "kades");

        // Status repeats the current question: still the one asked after consent.
        Assert.Contains(consentAgain[^1].Split('\n')[^1], afterCode[^1], StringComparison.Ordinal);
        Assert.Single(await RolesOfAsync("kades"));
    }

    [Fact]
    public async Task The_database_keeps_only_a_hash_of_the_code()
    {
        var code = await CreateInviteAsync();

        using var connection = _bot.Database.Open();
        var stored = connection.QuerySingle<string>("SELECT code_hash FROM invites");
        Assert.NotEqual(code, stored);
        Assert.Equal(InviteCode.Hash(code), stored);
    }

    public void Dispose() => _bot.Dispose();
}
