using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OvopBot.Tests.Fakes;

/// <summary>
/// SMS Gateway for Android (SMSGate) as its local server speaks, on 127.0.0.1, with the rules the channel must respect:
/// HTTP Basic (401), E.164 numbers only (a bare 0812… is 400, as the relay's RU-default parser answers), one of our
/// ids never twice (409), a queue that refuses when full (503), and at most 8 parts a message (9+ fail on phones).
/// It accepts webhook registrations (https or 127.0.0.1 only, one event each) and posts the phone's signed webhooks
/// to them, signing on its own: <c>X-Signature</c> = hex HMAC-SHA256(key, body + <c>X-Timestamp</c>).
/// </summary>
public sealed class FakeSmsGateServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, FakeSms> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _hooks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(int Status, int? RetryAfterSeconds)> _failNext = new();
    private int _loseAnswers;
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(5) };
    private int _eventCounter;
    private int _requests;

    private FakeSmsGateServer(WebApplication app, TimeProvider clock, string user, string password, string signingKey)
    {
        _app = app;
        _clock = clock;
        Username = user;
        Password = password;
        SigningKey = signingKey;
    }

    public string Username { get; }
    public string Password { get; }
    public string SigningKey { get; }
    public Uri Root { get; private set; } = null!;
    public string ApiBaseUrl => Root.ToString().TrimEnd('/');

    /// <summary>Every SMS the fake accepted, in order.</summary>
    public ConcurrentQueue<FakeSms> Sent { get; } = new();

    /// <summary>Every send request, accepted or refused.</summary>
    public int SendRequests => _requests;

    /// <summary>Registered webhooks: event → URL.</summary>
    public IReadOnlyDictionary<string, string> Webhooks => _hooks;

    /// <summary>More SMS than this waiting on the phone makes the next send 503 "queue limits exceeded".</summary>
    public int QueueLimit { get; set; } = int.MaxValue;

    /// <summary>SMS accepted but not yet reported sent (the phone's queue).</summary>
    public int Pending => _byId.Values.Count(m => m.State == "Pending");

    /// <summary>When true, every accepted SMS is at once reported sent and delivered through the webhooks.</summary>
    public bool ReportDelivery { get; set; }

    public static async Task<FakeSmsGateServer> StartAsync(TimeProvider clock, string user = "sms",
        string password = "fake-pass-123", string signingKey = "fake-signing-key")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeSmsGateServer(app, clock, user, password, signingKey);
        app.MapPost("/messages", server.HandleSendAsync);
        app.MapPost("/webhooks", server.HandleRegisterAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Root = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The next send answers this HTTP status (e.g. 503, 500) without accepting the message.</summary>
    public void FailNext(int status, int? retryAfterSeconds = null) => _failNext.Enqueue((status, retryAfterSeconds));

    /// <summary>The next send is accepted, but its answer is a 500 (as if the Wi-Fi dropped while answering).</summary>
    public void LoseNextAnswer() => Interlocked.Increment(ref _loseAnswers);

    /// <summary>Marks this many waiting SMS as sent (the phone worked its queue) without posting events.</summary>
    public void DrainQueue()
    {
        foreach (var sms in _byId.Values.Where(m => m.State == "Pending"))
        {
            sms.State = "Sent";
        }
    }

    /// <summary>A person texts the office phone: posts a signed <c>sms:received</c> like the app does.</summary>
    public Task<HttpResponseMessage> ReceiveAsync(string sender, string text, DateTimeOffset? receivedAt = null,
        string? eventId = null) =>
        PostEventAsync("sms:received", Received(sender, text, receivedAt, eventId));

    /// <summary>The body of an <c>sms:received</c> webhook, to post (or tamper with) later.</summary>
    public string Received(string sender, string text, DateTimeOffset? receivedAt = null, string? eventId = null) =>
        Envelope("sms:received", eventId, new JsonObject
        {
            ["messageId"] = text.GetHashCode(StringComparison.Ordinal).ToString("x", CultureInfo.InvariantCulture),
            ["message"] = text,
            ["sender"] = sender,
            ["recipient"] = "+6285700000000",
            ["phoneNumber"] = sender,
            ["simNumber"] = 1,
            ["receivedAt"] = PhoneTime(receivedAt ?? _clock.GetUtcNow()),
        });

    /// <summary>The phone reports an event (sms:sent, sms:delivered, sms:failed) for one of our SMS.</summary>
    public Task<HttpResponseMessage> ReportAsync(string messageId, string eventName, string? reason = null)
    {
        var payload = new JsonObject
        {
            ["messageId"] = messageId,
            ["sender"] = null,
            ["recipient"] = _byId.TryGetValue(messageId, out var sms) ? sms.To : "+620000000000",
            ["simNumber"] = 1,
        };
        var now = PhoneTime(_clock.GetUtcNow());
        switch (eventName)
        {
            case "sms:sent":
                payload["partsCount"] = sms?.Parts ?? 1;
                payload["sentAt"] = now;
                break;
            case "sms:delivered":
                payload["deliveredAt"] = now;
                break;
            case "sms:failed":
                payload["failedAt"] = now;
                payload["reason"] = reason ?? "Send result: RESULT_ERROR_GENERIC_FAILURE";
                break;
        }

        return PostEventAsync(eventName, Envelope(eventName, null, payload));
    }

    /// <summary>Posts a webhook body to the URL registered for <paramref name="eventName"/>, signed unless told otherwise.</summary>
    public async Task<HttpResponseMessage> PostEventAsync(string eventName, string body, string? signature = null,
        DateTimeOffset? signedAt = null, bool sign = true)
    {
        var url = _hooks.TryGetValue(eventName, out var hook) ? hook
            : throw new InvalidOperationException($"no webhook registered for {eventName}");
        var timestamp = (signedAt ?? _clock.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.UserAgent.ParseAdd("me.capcom.smsgateway/1.66.1");
        if (sign)
        {
            request.Headers.Add("X-Timestamp", timestamp);
            request.Headers.Add("X-Signature", signature ?? Sign(body, timestamp));
        }

        return await _webhookClient.SendAsync(request);
    }

    /// <summary>An event envelope as the app builds it; a retry re-sends the same <paramref name="eventId"/>.</summary>
    public string Envelope(string eventName, string? eventId, JsonObject payload) => new JsonObject
    {
        ["id"] = eventId ?? $"evt{Interlocked.Increment(ref _eventCounter):D5}",
        ["webhookId"] = "ovopbot-" + eventName.Replace(':', '-'),
        ["event"] = eventName,
        ["deviceId"] = "fakeDevice01",
        ["payload"] = payload,
    }.ToJsonString();

    public string Sign(string body, string timestamp) => Convert.ToHexStringLower(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningKey), Encoding.UTF8.GetBytes(body + timestamp)));

    public async ValueTask DisposeAsync()
    {
        _webhookClient.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // The phone writes times with its local offset (WITA here) and milliseconds.
    private static string PhoneTime(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private bool Authorized(HttpRequest request) => request.Headers.Authorization.ToString() ==
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"));

    private async Task<IResult> HandleSendAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _requests);
        if (!Authorized(request))
        {
            return Results.Json(new { message = "Unauthorized" }, statusCode: 401);
        }

        if (_failNext.TryDequeue(out var failure))
        {
            if (failure.RetryAfterSeconds is { } seconds)
            {
                request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return Results.Json(new { message = failure.Status == 503
                ? $"queue limits exceeded: too many pending messages: {Pending} / {QueueLimit}"
                : "fake failure" }, statusCode: failure.Status);
        }

        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        var id = (string?)body["id"] ?? Guid.NewGuid().ToString("N")[..21];
        var numbers = body["phoneNumbers"]?.AsArray().Select(n => (string?)n).ToList() ?? [];
        var text = (string?)body["textMessage"]?["text"];
        if (numbers.Count is < 1 or > 100 || string.IsNullOrEmpty(text) || id.Length > 36)
        {
            return Results.Json(new { message = "validation failed: phoneNumbers, textMessage.text and id (max 36)" }, statusCode: 400);
        }

        if (numbers.FirstOrDefault(n => n is null || !n.StartsWith('+') || n.Length < 9 || !n[1..].All(char.IsAsciiDigit)) is { } bad)
        {
            return Results.Json(new { message = $"invalid phone number: {bad}" }, statusCode: 400);
        }

        var parts = Parts(text);
        if (parts > 8)
        {
            return Results.Json(new { message = $"message too long: {parts} parts" }, statusCode: 400);
        }

        if (Pending >= QueueLimit)
        {
            return Results.Json(new { message = $"queue limits exceeded: too many pending messages: {Pending} / {QueueLimit}" },
                statusCode: 503);
        }

        var sms = new FakeSms(id, numbers[0]!, text, parts, _clock.GetUtcNow());
        if (!_byId.TryAdd(id, sms))
        {
            return Results.Json(new { message = $"message with id {id} already exists" }, statusCode: 409);
        }

        Sent.Enqueue(sms);
        if (Interlocked.Exchange(ref _loseAnswers, 0) > 0)
        {
            return Results.Json(new { message = "connection reset" }, statusCode: 500);
        }

        if (ReportDelivery)
        {
            sms.State = "Sent";
            _ = Task.Run(async () =>
            {
                (await ReportAsync(id, "sms:sent")).Dispose();
                (await ReportAsync(id, "sms:delivered")).Dispose();
            });
        }

        return Results.Json(new
        {
            id, deviceId = "fakeDevice01", state = "Pending", isHashed = false, isEncrypted = false,
            recipients = new[] { new { phoneNumber = numbers[0], state = "Pending" } },
        }, statusCode: 202);
    }

    private async Task<IResult> HandleRegisterAsync(HttpRequest request)
    {
        if (!Authorized(request))
        {
            return Results.Json(new { message = "Unauthorized" }, statusCode: 401);
        }

        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        var url = (string?)body["url"] ?? "";
        var eventName = (string?)body["event"] ?? "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.Scheme == "https" || uri.Host == "127.0.0.1"))
        {
            return Results.Json(new { message = "url must be https:// (or http://127.0.0.1)" }, statusCode: 400);
        }

        _hooks[eventName] = url;
        return Results.Json(new { id = (string?)body["id"], url, @event = eventName }, statusCode: 201);
    }

    /// <summary>The fake's own part count: GSM-7 when every character is ASCII printable or a line break, else UCS-2.</summary>
    private static int Parts(string text)
    {
        var gsm = text.All(c => c is '\n' or '\r' || (c >= ' ' && c <= '~'));
        var units = gsm ? text.Sum(c => "^{}\\[]~|".Contains(c, StringComparison.Ordinal) ? 2 : 1) : text.Length;
        var (single, part) = gsm ? (160, 153) : (70, 67);
        return units <= single ? 1 : (units + part - 1) / part;
    }
}

/// <summary>One SMS the fake accepted.</summary>
public sealed record FakeSms(string Id, string To, string Text, int Parts, DateTimeOffset At)
{
    public string State { get; set; } = "Pending";

    /// <summary>True when the text would go as GSM-7 (the fake's plain-ASCII reading of it).</summary>
    public bool IsPlain => Text.All(c => c is '\n' or '\r' || (c >= ' ' && c <= '~'));
}
