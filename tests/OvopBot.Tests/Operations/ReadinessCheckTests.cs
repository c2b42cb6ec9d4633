using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OvopBot.Operations;
using OvopBot.Storage;
using OvopBot.Tests.Channels.Telegram.EndToEnd;
using OvopBot.Tests.Channels.WhatsApp.EndToEnd;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Operations;

/// <summary><c>/healthz/ready</c>'s checks on the manual clock, against a real SQLite file.</summary>
public sealed class ReadinessCheckTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly SqliteDatabase _database;
    private readonly ChannelActivity _activity;

    public ReadinessCheckTests()
    {
        _database = new SqliteDatabase(_temp.File("ovopbot.db"));
        _activity = new ChannelActivity(_clock);
    }

    public void Dispose()
    {
        _database.Dispose();
        _temp.Dispose();
    }

    private ReadinessCheck Check(HealthOptions? limits = null, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ReadinessCheck(_database, _activity, Options.Create(limits ?? new HealthOptions()), configuration, _clock);
    }

    private static HealthEntry Entry(IReadOnlyList<HealthEntry> entries, string name) => Assert.Single(entries, e => e.Name == name);

    [Fact]
    public async Task A_fresh_service_is_ready_and_its_database_took_a_write()
    {
        var entries = await Check().RunAsync(CancellationToken.None);

        Assert.All(entries, e => Assert.True(e.Healthy, e.ToString()));
        Assert.Equal(["database", "outbox", "disk"], entries.Select(e => e.Name));
        using var connection = _database.Open();
        Assert.Equal(DbTime.Write(_clock.GetUtcNow()),
            connection.ExecuteScalar<string>("SELECT value FROM channel_state WHERE key = @key", new { key = ReadinessCheck.ProbeKey }));
    }

    [Fact]
    public async Task A_reply_waiting_longer_than_the_limit_makes_it_unhealthy_but_a_broadcast_does_not()
    {
        var limits = new HealthOptions { MaxOutboxLag = TimeSpan.FromMinutes(10) };
        AddOutboxRow(kind: 2);
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True(Entry(await Check(limits).RunAsync(CancellationToken.None), "outbox").Healthy);

        AddOutboxRow(kind: 0);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var atLimit = Entry(await Check(limits).RunAsync(CancellationToken.None), "outbox");
        Assert.True(atLimit.Healthy, atLimit.Detail);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var late = Entry(await Check(limits).RunAsync(CancellationToken.None), "outbox");
        Assert.False(late.Healthy);
        Assert.Contains("oldest waiting reply 10 min old (limit 10 min)", late.Detail, StringComparison.Ordinal);

        using (var connection = _database.Open())
        {
            connection.Execute("UPDATE outbound_messages SET status = 'sent'");
        }

        Assert.True(Entry(await Check(limits).RunAsync(CancellationToken.None), "outbox").Healthy);
    }

    [Fact]
    public async Task Telegram_polling_must_have_succeeded_within_the_limit_counting_from_start_before_the_first_poll()
    {
        var limits = new HealthOptions { MaxTelegramPollAge = TimeSpan.FromMinutes(3) };
        var check = Check(limits, ("Telegram:BotToken", "123:FAKE"));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(Entry(await check.RunAsync(CancellationToken.None), "telegram_polling").Healthy);

        _clock.Advance(TimeSpan.FromMinutes(2));
        var never = Entry(await check.RunAsync(CancellationToken.None), "telegram_polling");
        Assert.False(never.Healthy);
        Assert.Contains("none since start", never.Detail, StringComparison.Ordinal);

        _activity.Polled("telegram");
        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.True(Entry(await check.RunAsync(CancellationToken.None), "telegram_polling").Healthy);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var late = await check.RunAsync(CancellationToken.None);
        Assert.False(Entry(late, "telegram_polling").Healthy);
        Assert.True(Entry(late, "database").Healthy);
    }

    [Fact]
    public async Task Webhook_silence_is_only_reported_unless_a_limit_is_set()
    {
        var settings = new[] { ("WhatsApp:AccessToken", "FAKE"), ("Telegram:BotToken", "123:FAKE"), ("Telegram:Mode", "Webhook") };
        _clock.Advance(TimeSpan.FromDays(2));
        var reported = await Check(null, settings).RunAsync(CancellationToken.None);
        Assert.True(Entry(reported, "whatsapp_webhook").Healthy);
        Assert.Contains("not checked", Entry(reported, "whatsapp_webhook").Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(reported, e => e.Name == "telegram_polling");

        var limits = new HealthOptions { MaxWebhookSilence = TimeSpan.FromHours(6) };
        _activity.WebhookAccepted("whatsapp");
        _clock.Advance(TimeSpan.FromHours(7));
        _activity.WebhookAccepted("telegram");
        var checkedEntries = await Check(limits, settings).RunAsync(CancellationToken.None);
        Assert.False(Entry(checkedEntries, "whatsapp_webhook").Healthy);
        Assert.Contains("last webhook 7 h ago (limit 6 h)", Entry(checkedEntries, "whatsapp_webhook").Detail, StringComparison.Ordinal);
        Assert.True(Entry(checkedEntries, "telegram_webhook").Healthy);
    }

    [Fact]
    public async Task Too_little_free_disk_makes_it_unhealthy()
    {
        var entry = Entry(await Check(new HealthOptions { MinFreeDiskMegabytes = long.MaxValue / (1024 * 1024) }).RunAsync(CancellationToken.None), "disk");

        Assert.False(entry.Healthy);
        Assert.Contains("MB free where the database is", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_whose_writer_is_stuck_is_reported_within_the_timeout()
    {
        using var held = await _database.BeginWriteAsync(CancellationToken.None);

        var entry = Entry(await Check(new HealthOptions { DatabaseTimeout = TimeSpan.FromMilliseconds(50) }).RunAsync(CancellationToken.None), "database");

        Assert.False(entry.Healthy);
        Assert.Contains("another write holds the lock", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_endpoint_answers_503_with_every_check_when_one_fails()
    {
        await using var service = await WhatsAppService.StartAsync("--Health:MaxWebhookSilence", "00:00:00.001");
        using var http = new HttpClient();
        await Task.Delay(10);

        using var response = await http.GetAsync(new Uri(service.Address, OperationsServices.ReadyPath));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.True(checks.GetProperty("database").GetProperty("healthy").GetBoolean());
        Assert.False(checks.GetProperty("whatsapp_webhook").GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task The_running_service_reports_Telegrams_last_successful_poll()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var service = new TelegramService(telegram);
        await service.StartAsync();
        await telegram.WaitForCallsAsync("getUpdates", 2);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(new Uri(service.BaseUrl), OperationsServices.ReadyPath));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var polling = body.RootElement.GetProperty("checks").GetProperty("telegram_polling");
        Assert.True(polling.GetProperty("healthy").GetBoolean());
        Assert.StartsWith("last successful poll", polling.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private void AddOutboxRow(int kind)
    {
        var now = DbTime.Write(_clock.GetUtcNow());
        using var connection = _database.Open();
        var contact = connection.ExecuteScalar<long>(
            "INSERT INTO contacts (channel, address, created_at) VALUES ('telegram', @address, @now) RETURNING id",
            new { address = Guid.NewGuid().ToString("N"), now });
        connection.Execute("""
            INSERT INTO outbound_messages (contact_id, channel, address, kind, text, payload_json, status, next_attempt_at, created_at)
            VALUES (@contact, 'telegram', 'x', @kind, 'hi', '{}', 'pending', @now, @now)
            """, new { contact, kind, now });
    }
}
