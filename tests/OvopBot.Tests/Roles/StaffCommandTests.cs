using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Roles;

/// <summary>The roles and invite verbs of the real program.</summary>
public sealed class StaffCommandTests
{
    [Fact]
    public async Task Roles_grant_then_list_shows_the_person_with_the_district_name()
    {
        using var temp = new TempDirectory();
        var database = temp.File("ovopbot.db");
        using (var grant = BotProcess.Start(database, "roles", "grant", "facilitator", "--contact", "telegram:123456", "--region", "53.01.08"))
        {
            var (_, error, code) = await grant.RunToEndAsync([]);
            Assert.True(code == 0, error);
        }

        using var list = BotProcess.Start(database, "roles", "list");
        var (output, _, exit) = await list.RunToEndAsync([]);

        Assert.Equal(0, exit);
        Assert.Contains("telegram:123456", output, StringComparison.Ordinal);
        Assert.Contains("53.01.08", output, StringComparison.Ordinal);
        Assert.Contains("1 grant(s)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99.99", "unknown region code")]
    [InlineData("53.01.08.2003", "not a province, regency or district")]
    [InlineData("31.71", "outside the service area")]
    public async Task Roles_grant_refuses_a_bad_region_with_a_clear_message(string region, string message)
    {
        using var temp = new TempDirectory();
        using var grant = BotProcess.Start(temp.File("ovopbot.db"), "roles", "grant", "facilitator", "--contact", "telegram:1", "--region", region);

        var (_, error, code) = await grant.RunToEndAsync([]);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_create_prints_a_code_and_the_telegram_link_when_the_bot_name_is_set()
    {
        using var temp = new TempDirectory();
        using var invite = BotProcess.Start(temp.File("ovopbot.db"), "invite", "create", "--role", "facilitator", "--region", "53.01",
            "--expires", "7d", "--Telegram:BotUsername", "OvopNttBot");

        var (output, error, code) = await invite.RunToEndAsync([]);

        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches("^OVOP-[A-Z2-9]{5}-[A-Z2-9]{5}$", lines[0]);
        Assert.Contains($"https://t.me/OvopNttBot?start={lines[0]}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broadcast_refuses_an_empty_text_on_the_command_line()
    {
        using var temp = new TempDirectory();
        using var process = BotProcess.Start(temp.File("ovopbot.db"), "broadcast", "--to", "unfinished", "--region", "53.04", "--text", " ", "--yes");

        var (_, error, code) = await process.RunToEndAsync([]);

        Assert.Equal(2, code);
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broadcast_with_yes_shows_the_preview_and_queues_it()
    {
        using var temp = new TempDirectory();
        using var process = BotProcess.Start(temp.File("ovopbot.db"), "broadcast", "--to", "all", "--region", "53.04", "--text", "Halo", "--yes", "--no-wait");

        var (output, error, code) = await process.RunToEndAsync([]);

        Assert.True(code == 0, error);
        Assert.Contains("recipients: 0", output, StringComparison.Ordinal);
        Assert.Contains("Broadcast 1 queued", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broadcast_takes_several_regions_repeated_or_comma_separated_as_one_broadcast()
    {
        using var temp = new TempDirectory();
        using var process = BotProcess.Start(temp.File("ovopbot.db"), "broadcast", "--to", "all", "--region", "53.01.08,53.01.09", "--region", "53.04",
            "--text", "Halo", "--yes", "--no-wait");

        var (output, error, code) = await process.RunToEndAsync([]);

        Assert.True(code == 0, error);
        Assert.Contains("Broadcast 1 to all in 53.01.08, 53.01.09, 53.04:", output, StringComparison.Ordinal);
        Assert.Contains("Broadcast 1 queued", output, StringComparison.Ordinal);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.File("ovopbot.db")};Pooling=False");
        connection.Open();
        Assert.Equal(["53.01.08", "53.01.09", "53.04"], Dapper.SqlMapper.Query<string>(connection, "SELECT region_code FROM broadcast_regions ORDER BY region_code"));
    }
}
