using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OvopBot.Tests.Fakes;

/// <summary>
/// A small Telegram Bot API server on 127.0.0.1 (random port) that speaks the real HTTP protocol: methods at
/// <c>/bot{token}/{method}</c> with parameters in the query, a form, JSON or multipart; answers in the
/// <c>{"ok":…}</c> envelope; files at <c>/file/bot{token}/{path}</c>. It keeps an update queue confirmed by
/// getUpdates offsets, enforces flood limits on an injectable clock (429 with retry_after), answers 403 for
/// blocked chats and 400 for unknown ones, and records every call.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const string Token = "123:FAKE-TOKEN-FOR-TESTS";

    public const long BotId = 7000000001;

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private readonly List<FakeTelegramCall> _calls = [];
    private readonly List<(Func<FakeTelegramServer, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly Dictionary<string, Queue<(int Status, string Body)>> _cannedFailures =
        new(StringComparer.OrdinalIgnoreCase);

    private FakeTelegramServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        Clock = clock;
    }

    /// <summary>The clock the flood limits and message dates use.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The address to configure as Telegram:ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<FakeTelegramCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public static async Task<FakeTelegramServer> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeTelegramServer(app, clock ?? TimeProvider.System);
        app.Map("/bot{token}/{method}", server.HandleMethodAsync);
        app.MapGet("/file/bot{token}/{**path}", server.HandleFileAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        server.BaseUrl = addresses.Addresses.Single();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public IReadOnlyList<FakeTelegramCall> CallsOf(string method) =>
        Calls.Where(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Makes the next <paramref name="times"/> calls of a method answer with this status and raw body.</summary>
    public void FailNext(string method, int status, string body, int times = 1)
    {
        lock (_gate)
        {
            if (!_cannedFailures.TryGetValue(method, out var queue))
            {
                _cannedFailures[method] = queue = new Queue<(int, string)>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue((status, body));
            }
        }
    }

    /// <summary>Forgets the canned failures still queued for a method (the outage is over).</summary>
    public void ClearFailures(string method)
    {
        lock (_gate)
        {
            _cannedFailures.Remove(method);
        }
    }

    /// <summary>Completes when the condition holds (checked after every call); fails the test after 20 s.</summary>
    public Task WaitUntilAsync(Func<FakeTelegramServer, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((condition, done));
        }

        CheckWaiters();
        return done.Task.WaitAsync(WaitLimit);
    }

    /// <summary>Completes once the method has been called at least <paramref name="count"/> times.</summary>
    public Task WaitForCallsAsync(string method, int count = 1) =>
        WaitUntilAsync(server => server.CallsOf(method).Count >= count);

    private async Task HandleMethodAsync(HttpContext context)
    {
        var token = (string)context.Request.RouteValues["token"]!;
        var method = (string)context.Request.RouteValues["method"]!;
        var (parameters, upload) = await FakeTelegramParameters.ReadAsync(context.Request);
        (int Status, string Body)? canned = null;
        lock (_gate)
        {
            _calls.Add(new FakeTelegramCall(method, token, parameters, upload));
            if (_cannedFailures.TryGetValue(method, out var queue) && queue.Count > 0)
            {
                canned = queue.Dequeue();
            }
        }

        // Waiters see the call as soon as it arrives (a long poll may hold the answer for a while).
        CheckWaiters();
        try
        {
            if (token != Token)
            {
                await ErrorAsync(context, 401, "Unauthorized");
            }
            else if (canned is { } failure)
            {
                context.Response.StatusCode = failure.Status;
                await context.Response.WriteAsync(failure.Body);
            }
            else
            {
                await DispatchAsync(context, method.ToUpperInvariant(), parameters, upload);
            }
        }
        finally
        {
            CheckWaiters();
        }
    }

    private Task DispatchAsync(HttpContext context, string method, JsonObject parameters, FakeTelegramUpload? upload) =>
        method switch
        {
            "GETME" => OkAsync(context, new JsonObject
            {
                ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "OVOP", ["username"] = "ovop_test_bot",
            }),
            "GETUPDATES" => GetUpdatesAsync(context, parameters),
            "SENDMESSAGE" => SendMessageAsync(context, parameters),
            "SENDDOCUMENT" => SendDocumentAsync(context, parameters, upload),
            "ANSWERCALLBACKQUERY" => AnswerCallbackQueryAsync(context, parameters),
            "GETFILE" => GetFileAsync(context, parameters),
            "SETWEBHOOK" => SetWebhookAsync(context, parameters),
            "DELETEWEBHOOK" => DeleteWebhookAsync(context, parameters),
            "GETWEBHOOKINFO" => GetWebhookInfoAsync(context),
            "SETMYCOMMANDS" => OkAsync(context, true),
            _ => ErrorAsync(context, 404, "Not Found"),
        };

    private void CheckWaiters()
    {
        List<(Func<FakeTelegramServer, bool> Condition, TaskCompletionSource Done)> waiters;
        lock (_gate)
        {
            waiters = [.. _waiters];
        }

        // Conditions read the recorded state, which takes the lock itself, so they run outside it.
        foreach (var waiter in waiters.Where(w => w.Condition(this)))
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            waiter.Done.TrySetResult();
        }
    }

    private static Task OkAsync(HttpContext context, JsonNode? result) =>
        WriteAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static Task ErrorAsync(HttpContext context, int code, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }

        return WriteAsync(context, code, body);
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
