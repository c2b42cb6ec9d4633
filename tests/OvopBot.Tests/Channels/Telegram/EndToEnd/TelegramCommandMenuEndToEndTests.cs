using System.Text.Json.Nodes;
using OvopBot.Roles;
using OvopBot.Storage;
using OvopBot.Tests.Fakes;

namespace OvopBot.Tests.Channels.Telegram.EndToEnd;

/// <summary>The "/" menu the real service registers with setMyCommands at start, against the fake Bot API.</summary>
public sealed class TelegramCommandMenuEndToEndTests
{
    private static List<string> Words(FakeTelegramCall call) =>
        call.Parameters["commands"]!.AsArray().Select(c => (string)c!["command"]!).ToList();

    [Fact]
    public async Task At_start_everyone_gets_the_ordinary_commands_per_language_a_facilitator_chat_also_the_staff_ones_and_an_admin_chat_export_too()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        await using var service = new TelegramService(fake);
        using (var database = new SqliteDatabase(service.DatabasePath))
        {
            var roles = new RoleStore(database);
            await roles.GrantAsync(new ContactRef("telegram", "555"), StaffRole.Facilitator, "53.04", "test", CancellationToken.None, DateTimeOffset.UtcNow);
            await roles.GrantAsync(new ContactRef("telegram", "777"), StaffRole.Facilitator, "53.01", "test", CancellationToken.None, DateTimeOffset.UtcNow);
            await roles.GrantAsync(new ContactRef("telegram", "777"), StaffRole.Admin, "53", "test", CancellationToken.None, DateTimeOffset.UtcNow);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await service.StartAsync();
        await fake.WaitForCallsAsync("setMyCommands", 4);

        var calls = fake.CallsOf("setMyCommands");
        var everyone = Assert.Single(calls, c => c.Parameters["scope"] is null && c.Parameters["language_code"] is null);
        var english = Assert.Single(calls, c => (string?)c.Parameters["language_code"] == "en");
        var staff = Assert.Single(calls, c => c.Parameters["scope"] is JsonObject scope && (long)scope["chat_id"]! == 555);
        var admin = Assert.Single(calls, c => c.Parameters["scope"] is JsonObject scope && (long)scope["chat_id"]! == 777);
        Assert.Contains("bantuan", Words(everyone));
        Assert.DoesNotContain("ringkasan", Words(everyone));
        Assert.Contains("help", Words(english));
        Assert.Equal(555, (long)staff.Parameters["scope"]!["chat_id"]!);
        Assert.Contains("ringkasan", Words(staff));
        Assert.Contains("status_siaran", Words(staff));
        Assert.Contains("web", Words(staff));
        Assert.Contains("periksa", Words(staff));
        Assert.DoesNotContain("ekspor", Words(staff));
        Assert.Contains("ekspor", Words(admin));
        Assert.Contains("ringkasan", Words(admin));
        Assert.Contains(everyone.Parameters["commands"]!.AsArray(), c => (string)c!["command"]! == "bantuan" && (string)c["description"]! == "Bantuan");
    }
}
