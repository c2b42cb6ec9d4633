using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels.WhatsApp;
using OvopBot.Hosting;
using OvopBot.Storage;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.WhatsApp.EndToEnd;

/// <summary>
/// The real service host (<see cref="ServiceHost.Build"/>: store, flows, engine, inbound workers, outbox, WhatsApp
/// channel) on 127.0.0.1, configured only through its command line, talking to a fake Graph API server that posts
/// the signed webhooks. Both run on the system clock, so the fake's 24-hour window and the service's agree; a closed
/// window is made by sending a message stamped 25 hours ago. Waits poll the database with a bound, never sleep.
/// </summary>
public sealed class WhatsAppService : IAsyncDisposable
{
    public const string ReminderTemplate = "ovop_pengingat";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp;
    private readonly WebApplication _app;
    private int _counter;

    private WhatsAppService(TempDirectory temp, FakeGraphApiServer graph, WebApplication app, Uri webhook)
    {
        _temp = temp;
        Graph = graph;
        _app = app;
        Webhook = webhook;
    }

    public FakeGraphApiServer Graph { get; }
    public Uri Webhook { get; }
    public Uri Address => new(Webhook, "/");
    public IServiceProvider Services => _app.Services;
    public SqliteDatabase Database => _app.Services.GetRequiredService<SqliteDatabase>();
    public string MediaPath => _temp.File("media");

    /// <summary>Starts the service; <paramref name="extraArgs"/> adds settings (<c>--Section:Key value</c>).</summary>
    public static async Task<WhatsAppService> StartAsync(params string[] extraArgs)
    {
        var temp = new TempDirectory();
        var graph = await FakeGraphApiServer.StartAsync(TimeProvider.System, token: "FAKE-TOKEN-FOR-TESTS");
        graph.ApprovedTemplates.Add(ReminderTemplate);
        var app = ServiceHost.Build(
        [
            "--WhatsApp:AccessToken", graph.AccessToken,
            "--WhatsApp:ApiBaseUrl", graph.ApiBaseUrl,
            "--WhatsApp:PhoneNumberId", graph.PhoneNumberId,
            "--WhatsApp:AppSecret", graph.AppSecret,
            "--WhatsApp:VerifyToken", "fake-verify-token",
            "--WhatsApp:Templates:Reminder:Name", ReminderTemplate,
            // The per-person pacing is a real-time rule; these tests check behaviour, not pacing.
            "--WhatsApp:PerPersonMinInterval", "00:00:00",
            "--Storage:DatabasePath", temp.File("ovopbot.db"),
            "--Storage:MediaPath", temp.File("media"),
            "--ChatExports:Folder", temp.File("exports"),
            "--Flows:Path", RepoPaths.Flows,
            "--Logging:LogLevel:Default", "Warning",
            "--urls", "http://127.0.0.1:0",
            .. extraArgs,
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First();
        return new WhatsAppService(temp, graph, app, new Uri(address.TrimEnd('/') + WhatsAppWebhookEndpoints.Path));
    }

    public string NextId() => $"wamid.IN{Interlocked.Increment(ref _counter):D4}";

    /// <summary>Posts a signed webhook carrying these messages and checks it was accepted.</summary>
    public async Task PostAsync(params JsonObject[] messages)
    {
        using var response = await Graph.PostWebhookAsync(Webhook, WebhookPayloads.Messages(messages));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The person says one thing; returns the texts the fake received for them in answer.</summary>
    public async Task<IReadOnlyList<JsonObject>> SayAsync(string from, Func<string, JsonObject> message)
    {
        var before = SentTo(from).Count;
        var id = NextId();
        await PostAsync(message(id));
        await WaitForTurnAsync(from, id);
        return SentTo(from).Skip(before).ToList();
    }

    /// <summary>Waits until the message is stepped and nothing is left to send to the person.</summary>
    public Task WaitForTurnAsync(string from, string externalId) => WaitUntilAsync(
        () => Count("SELECT count(*) FROM inbound_messages WHERE external_id = @externalId AND processed_at IS NOT NULL",
                  new { externalId }) == 1
              && Count("SELECT count(*) FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id " +
                       "WHERE c.address = @from AND o.status = 'pending'", new { from }) == 0,
        $"message {externalId} from {from} answered");

    public List<JsonObject> SentTo(string waId) =>
        Graph.Sent.Where(p => (string?)p["to"] == "+" + waId).ToList();

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

    /// <summary>What the person reads: a text body, an interactive body or a template's parameter.</summary>
    public static string TextOf(JsonObject payload) => (string?)payload["type"] switch
    {
        "text" => (string)payload["text"]!["body"]!,
        "interactive" => (string)payload["interactive"]!["body"]!["text"]!,
        "template" => string.Join("\n", payload["template"]!["components"]?.AsArray()
            .SelectMany(c => c!["parameters"]!.AsArray()).Select(p => (string?)p!["text"]) ?? []),
        var other => throw new InvalidOperationException($"unexpected payload type {other}"),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Graph.DisposeAsync();
        _temp.Dispose();
    }
}
