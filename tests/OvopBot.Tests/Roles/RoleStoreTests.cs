using OvopBot.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Roles;

public sealed class RoleStoreTests : IDisposable
{
    private static readonly ContactRef Fasilitator = new("telegram", "123456");
    private readonly BotHarness _bot = new();

    private RoleStore Store => _bot.Get<RoleStore>();

    private Task<bool> GrantAsync(StaffRole role, string region) =>
        Store.GrantAsync(Fasilitator, role, region, "test", CancellationToken.None, _bot.Time.GetUtcNow());

    [Fact]
    public async Task Granting_the_same_role_twice_keeps_one_grant()
    {
        Assert.True(await GrantAsync(StaffRole.Facilitator, "53.01.08"));
        Assert.False(await GrantAsync(StaffRole.Facilitator, "53.01.08"));

        Assert.Single(await Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_facilitator_of_a_district_covers_its_villages_but_not_the_neighbours_or_the_regency()
    {
        await GrantAsync(StaffRole.Facilitator, "53.01.08");
        var id = (await Store.ContactIdAsync(Fasilitator, CancellationToken.None))!.Value;

        Assert.True(await Store.CoversAsync(id, StaffRole.Facilitator, "53.01.08", CancellationToken.None));
        Assert.True(await Store.CoversAsync(id, StaffRole.Facilitator, "53.01.08.2003", CancellationToken.None));
        Assert.False(await Store.CoversAsync(id, StaffRole.Facilitator, "53.01.09", CancellationToken.None));
        Assert.False(await Store.CoversAsync(id, StaffRole.Facilitator, "53.01", CancellationToken.None));
        Assert.False(await Store.CoversAsync(id, StaffRole.Admin, "53.01.08", CancellationToken.None));
    }

    [Fact]
    public async Task An_admin_may_act_as_facilitator_in_their_regions()
    {
        await GrantAsync(StaffRole.Admin, "53.04");
        var id = (await Store.ContactIdAsync(Fasilitator, CancellationToken.None))!.Value;

        Assert.True(await Store.CoversAsync(id, StaffRole.Facilitator, "53.04.01", CancellationToken.None));
        Assert.False(await Store.CoversAsync(id, StaffRole.Facilitator, "53.01.01", CancellationToken.None));
    }

    [Fact]
    public async Task Revoking_without_a_region_ends_every_grant_of_that_role()
    {
        await GrantAsync(StaffRole.Facilitator, "53.01.08");
        await GrantAsync(StaffRole.Facilitator, "53.01.09");
        await GrantAsync(StaffRole.Admin, "53.01");

        Assert.Equal(2, await Store.RevokeAsync(Fasilitator, StaffRole.Facilitator, null, CancellationToken.None));

        Assert.Equal(StaffRole.Admin, Assert.Single(await Store.ListAsync(CancellationToken.None)).Role);
    }

    public void Dispose() => _bot.Dispose();
}
