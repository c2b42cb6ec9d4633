using System.Net;
using System.Net.Sockets;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels.Sms;
using OvopBot.Hosting;
using OvopBot.Storage;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.Sms;

/// <summary>
/// The real service host (<see cref="ServiceHost.Build"/>) with the SMS channel, configured only through its command
/// line, talking to a fake SMSGate phone. The service registers its webhook with the fake at start (Sms:WebhookUrl),
/// and the fake posts signed webhooks to it, as the phone does. Waits poll the database with a bound, never sleep.
/// </summary>
public sealed class SmsService : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp;
    private readonly WebApplication _app;

    private SmsService(TempDirectory temp, FakeSmsGateServer gateway, WebApplication app, Uri webhook)
    {
        _temp = temp;
        Gateway = gateway;
        _app = app;
        Webhook = webhook;
    }

    public FakeSmsGateServer Gateway { get; }
    public Uri Webhook { get; }
    public IServiceProvider Services => _app.Services;
    public SqliteDatabase Database => _app.Services.GetRequiredService<SqliteDatabase>();

    /// <summary>Starts the service; <paramref name="extra"/> adds or overrides command-line settings.</summary>
    public static async Task<SmsService> StartAsync(params string[] extra)
    {
        var temp = new TempDirectory();
        var gateway = await FakeSmsGateServer.StartAsync(TimeProvider.System);
        var port = FreePort();
        var webhook = new Uri($"http://127.0.0.1:{port}{SmsWebhookHandler.Path}");
        var app = ServiceHost.Build(
        [
            "--Sms:Mode", "Local",
            "--Sms:ApiBaseUrl", gateway.ApiBaseUrl,
            "--Sms:Username", gateway.Username,
            "--Sms:Password", gateway.Password,
            "--Sms:SigningKey", gateway.SigningKey,
            "--Sms:WebhookUrl", webhook.ToString(),
            // Pacing is a real-time rule (the benchmark measures it); these tests check behaviour.
            "--Sms:MessagesPerMinute", "600",
            "--Storage:DatabasePath", temp.File("ovopbot.db"),
            "--Storage:MediaPath", temp.File("media"),
            "--ChatExports:Folder", temp.File("exports"),
            "--Flows:Path", RepoPaths.Flows,
            "--Logging:LogLevel:Default", "Warning",
            "--urls", $"http://127.0.0.1:{port}",
            .. extra,
        ]);
        await app.StartAsync();
        var service = new SmsService(temp, gateway, app, webhook);
        await WaitUntilAsync(() => gateway.Webhooks.Count == SmsGateGateway.Events.Count, "webhooks registered at start");
        return service;
    }

    /// <summary>The person texts; returns the SMS the phone sent them in answer (waits until nothing is pending).</summary>
    public async Task<IReadOnlyList<FakeSms>> TextAsync(string from, string text, string? replyTo = null)
    {
        var to = replyTo ?? from;
        var before = SentTo(to).Count;
        var processedBefore = Count("SELECT count(*) FROM inbound_messages WHERE processed_at IS NOT NULL");
        using var response = await Gateway.ReceiveAsync(from, text);
        response.EnsureSuccessStatusCode();
        await WaitUntilAsync(
            () => Count("SELECT count(*) FROM inbound_messages WHERE processed_at IS NOT NULL") > processedBefore
                  && Count("SELECT count(*) FROM outbound_messages WHERE status = 'pending'") == 0,
            $"'{text}' from {from} answered");
        return SentTo(to).Skip(before).ToList();
    }

    public List<FakeSms> SentTo(string e164) => Gateway.Sent.Where(s => s.To == e164).ToList();

    /// <summary>Everything the person read in answer, as one text (a long reply may come as several SMS).</summary>
    public static string Read(IReadOnlyList<FakeSms> sms) => string.Join("\n", sms.Select(s => s.Text));

    public long Count(string sql, object? parameters = null)
    {
        using var connection = Database.Open();
        return connection.ExecuteScalar<long>(sql, parameters);
    }

    public T Single<T>(string sql, object? parameters = null)
    {
        using var connection = Database.Open();
        return connection.QuerySingle<T>(sql, parameters);
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {WaitLimit.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Gateway.DisposeAsync();
        _temp.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
