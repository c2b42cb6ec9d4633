using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Hosting;
using OvopBot.Roles;
using OvopBot.Storage;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.Telegram.EndToEnd;

/// <summary>
/// The real service (<see cref="ServiceHost.Build"/>: web host, inbound processor, outbox) configured for Telegram
/// against the fake Bot API, on a database file that outlives a stop, so a test can stop it and start it again.
/// </summary>
public sealed class TelegramService : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private WebApplication? _app;

    public TelegramService(FakeTelegramServer fake)
    {
        Fake = fake;
    }

    public FakeTelegramServer Fake { get; }

    public string DatabasePath => _temp.File("ovopbot.db");

    public string MediaPath => _temp.File("media");

    /// <summary>The service's own address (webhook mode posts here).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Builds and starts the service; extra arguments are more <c>--Key value</c> settings.</summary>
    public async Task StartAsync(params string[] extra)
    {
        _app = ServiceHost.Build([
            "--Telegram:BotToken", FakeTelegramServer.Token,
            "--Telegram:ApiBaseUrl", Fake.BaseUrl,
            "--Telegram:PollTimeoutSeconds", "1",
            "--Storage:DatabasePath", DatabasePath,
            "--Storage:MediaPath", MediaPath,
            "--ChatExports:Folder", _temp.File("exports"),
            "--Flows:Path", RepoPaths.Flows,
            "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default", "Warning",
            .. extra,
        ]);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
    }

    /// <summary>Gives a Telegram chat a staff role in the database, before the service starts (as <c>roles grant</c> would).</summary>
    public async Task GrantBeforeStartAsync(long chat, StaffRole role, string region)
    {
        using (var database = new SqliteDatabase(DatabasePath))
        {
            await new RoleStore(database).GrantAsync(new ContactRef("telegram", chat.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                role, region, "test", CancellationToken.None, DateTimeOffset.UtcNow);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Stops the service gracefully, as a deploy or a crash-free restart would.</summary>
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    public async Task<T> QueryOneAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteDatabase(DatabasePath).Open();
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    /// <summary>Polls the database until the condition holds (the service works in the background); fails after 20 s.</summary>
    public async Task WaitForDatabaseAsync(string countSql, long expected, object? parameters = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        long actual;
        while ((actual = await QueryOneAsync<long>(countSql, parameters)) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{countSql}' stayed {actual}, expected {expected}");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// The person sends one message (<paramref name="push"/>, e.g. the fake's PushText); waits until it is stepped and
    /// nothing is pending for them; returns what they got.
    /// </summary>
    public async Task<IReadOnlyList<string>> TurnAsync(long chat, Action push)
    {
        var before = Fake.SentTo(chat).Count;
        var processed = await QueryOneAsync<long>("SELECT count(*) FROM inbound_messages WHERE processed_at IS NOT NULL");
        push();
        await WaitForDatabaseAsync("SELECT count(*) FROM inbound_messages WHERE processed_at IS NOT NULL", processed + 1);
        var address = chat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WaitForDatabaseAsync(
            "SELECT count(*) FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = @address AND o.status = 'pending'", 0,
            new { address });
        await Fake.WaitUntilAsync(s => s.SentTo(chat).Count > before);
        return Fake.SentTo(chat).Skip(before).Select(m => m.Text ?? m.Caption ?? "").ToList();
    }

    /// <summary>The person sends one text; see <see cref="TurnAsync(long, Action)"/>.</summary>
    public Task<IReadOnlyList<string>> TurnAsync(long chat, string text) => TurnAsync(chat, () => Fake.PushText(chat, text));

    /// <summary>
    /// Does <paramref name="push"/> (the person writes) and waits for the bot's first message to
    /// <paramref name="chat"/> after it that contains <paramref name="expected"/>; fails the test with what came instead.
    /// </summary>
    public static async Task<FakeTelegramMessage> ExpectReplyAsync(FakeTelegramServer fake, long chat, Action push, string expected)
    {
        var before = fake.SentTo(chat).Count;
        push();
        try
        {
            await fake.WaitUntilAsync(s => s.SentTo(chat).Skip(before).Any(m => m.Text?.Contains(expected, StringComparison.Ordinal) == true));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no reply containing '{expected}'; got: {string.Join(" | ", fake.SentTo(chat).Skip(before).Select(m => m.Text))}");
        }

        return fake.SentTo(chat).Skip(before).First(m => m.Text?.Contains(expected, StringComparison.Ordinal) == true);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _temp.Dispose();
    }
}
