using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OvopBot.Channels.WhatsApp;

namespace OvopBot.Tests.Fakes;

/// <summary>
/// A small WhatsApp Cloud API (Graph API) on 127.0.0.1 that speaks the real HTTP protocol and enforces the rules
/// the channel must respect: bearer token (190), the 24-hour window (131047; it knows the inbound times because it
/// posts the webhooks itself), button and list limits (131009), approved templates (132001) and throughput (130429).
/// It serves media, accepts uploads, records every accepted message and signs the webhooks it posts.
/// </summary>
public sealed partial class FakeGraphApiServer : IAsyncDisposable
{
    public const string Version = "v25.0";
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<(int Status, int Code, string Message)> _failures = new();
    private readonly ConcurrentDictionary<int, (int Status, int Code, string Message)> _failAt = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastInbound = new();
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string Mime)> _media = new();
    private readonly Lock _throughputGate = new();
    private IFakeRateLimit? _throughput;
    private (FakeRateModel, int) _throughputShape;
    private int _throughputRefusals;
    private readonly HttpClient _webhookClient = new();
    private int _nextId;
    private int _expireDownloads;

    private FakeGraphApiServer(WebApplication app, TimeProvider clock, string token, string phoneNumberId,
        string appSecret)
    {
        _app = app;
        _clock = clock;
        AccessToken = token;
        PhoneNumberId = phoneNumberId;
        AppSecret = appSecret;
    }

    public string AccessToken { get; }
    public string PhoneNumberId { get; }
    public string AppSecret { get; }
    public Uri Root { get; private set; } = null!;
    public string ApiBaseUrl => new Uri(Root, Version).ToString();
    public int MessagesPerSecond { get; set; } = 1000;

    /// <summary>How the throughput is counted (Meta does not say): a strict sliding window unless told otherwise.</summary>
    public FakeRateModel RateModel { get; set; } = FakeRateModel.SlidingWindow;

    /// <summary>How many message requests were answered 130429 (throughput); a sender that paces itself well gets none.</summary>
    public int ThroughputRefusals => Volatile.Read(ref _throughputRefusals);

    /// <summary>The fewest free places (tokens) left before an accepted message took one: below 1 is a 130429.</summary>
    public double ThroughputHeadroom
    {
        get
        {
            lock (_throughputGate)
            {
                return _throughput?.Lowest ?? double.PositiveInfinity;
            }
        }
    }

    /// <summary>Called with every message the fake accepts, as it accepts it; load runs time deliveries with it.</summary>
    public Action<JsonObject>? Delivered { get; set; }
    public HashSet<string> ApprovedTemplates { get; } = new(StringComparer.Ordinal);
    /// <summary>Every message the fake accepted, in order, as posted.</summary>
    public ConcurrentQueue<JsonObject> Sent { get; } = new();
    /// <summary>Every message request, accepted or refused (uploads and lookups excluded).</summary>
    public int MessageRequests => _messageRequests;
    public int MediaLookups => _mediaLookups;
    public ConcurrentQueue<(string FileName, string Type, byte[] Bytes)> Uploads { get; } = new();
    private int _messageRequests;
    private int _mediaLookups;

    public static async Task<FakeGraphApiServer> StartAsync(TimeProvider clock, string token = "FAKE-WA-TOKEN",
        string phoneNumberId = "106540352242922", string appSecret = "fake-app-secret")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeGraphApiServer(app, clock, token, phoneNumberId, appSecret);
        server.MapRoutes();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First();
        server.Root = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The person wrote at <paramref name="at"/> (as if through a webhook): their 24-hour window is open from then.</summary>
    public void RecordInbound(string waId, DateTimeOffset at) =>
        _lastInbound.AddOrUpdate(waId, at, (_, old) => at > old ? at : old);

    /// <summary>The next message request fails with this Graph error (HTTP status and error.code).</summary>
    public void FailNext(int code, int httpStatus = 400, string message = "fake failure") =>
        _failures.Enqueue((httpStatus, code, message));

    /// <summary>The message request with this 1-based number (see <see cref="MessageRequests"/>) fails.</summary>
    public void FailRequest(int number, int code, int httpStatus = 500, string message = "fake failure") =>
        _failAt[number] = (httpStatus, code, message);

    /// <summary>When set, media lookups report this file_size instead of the real one (as if Meta had not known).</summary>
    public long? ReportedMediaSize { get; set; }

    public void AddMedia(string id, byte[] bytes, string mime) => _media[id] = (bytes, mime);

    /// <summary>The next media download answers 404, as an expired (5-minute) URL does.</summary>
    public void ExpireNextDownload() => Interlocked.Increment(ref _expireDownloads);

    /// <summary>Signs <paramref name="payload"/> with the app secret (or the given header) and POSTs it.</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(Uri target, string payload, string? signature = null,
        bool sign = true)
    {
        foreach (var (from, at) in WebhookPayloads.InboundTimes(payload))
        {
            RecordInbound(from, at);
        }

        var bytes = Encoding.UTF8.GetBytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        if (sign)
        {
            request.Headers.TryAddWithoutValidation(WhatsAppWebhookSignature.HeaderName,
                signature ?? WhatsAppWebhookSignature.Compute(bytes, AppSecret));
        }

        return await _webhookClient.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _webhookClient.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void MapRoutes()
    {
        _app.MapPost("/{version}/{phoneId}/messages", HandleMessageAsync);
        _app.MapPost("/{version}/{phoneId}/media", HandleUploadAsync);
        _app.MapGet("/{version}/{id}", (HttpRequest r, string id) =>
            Authorized(r) ?? (id == PhoneNumberId ? PhoneNumberInfo() : LookupMedia(id)));
        _app.MapGet("/{version}/{accountId}/message_templates", (HttpRequest r, string accountId) =>
            Authorized(r) ?? ListTemplates(accountId, r.Query["name"]));
        _app.MapGet("/lookaside/{mediaId}", (HttpRequest r, string mediaId) => Authorized(r) ?? Download(mediaId));
    }

    private async Task<IResult> HandleMessageAsync(HttpRequest request, string phoneId)
    {
        var number = Interlocked.Increment(ref _messageRequests);
        if (Authorized(request) is { } denied)
        {
            return denied;
        }

        if (_failures.TryDequeue(out var failure) || _failAt.TryRemove(number, out failure))
        {
            return Error(failure.Status, failure.Code, failure.Message);
        }

        if (phoneId != PhoneNumberId)
        {
            return Error(400, 100, "Unsupported post request. Object does not exist");
        }

        var payload = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        if (!TakeThroughputSlot())
        {
            Interlocked.Increment(ref _throughputRefusals);
            return Error(400, 130429, "Rate limit hit");
        }

        var to = ((string?)payload["to"] ?? "").TrimStart('+');
        var type = (string?)payload["type"];
        if (type != "template" && !WindowOpen(to))
        {
            return Error(400, 131047, "Re-engagement message");
        }

        if (type == "template" && !ApprovedTemplates.Contains((string?)payload["template"]?["name"] ?? ""))
        {
            return Error(404, 132001, "Template name does not exist in the translation");
        }

        if (FakeGraphLimits.Violation(payload) is { } violation)
        {
            return Error(400, 131009, "Parameter value is not valid: " + violation);
        }

        Sent.Enqueue(payload);
        Delivered?.Invoke(payload);
        var id = $"wamid.FAKE{Interlocked.Increment(ref _nextId):D6}";
        return Results.Json(new
        {
            messaging_product = "whatsapp",
            contacts = new[] { new { input = (string?)payload["to"], wa_id = to } },
            messages = new[] { new { id } },
        });
    }

    private IResult? Authorized(HttpRequest request) =>
        request.Headers.Authorization.ToString() == "Bearer " + AccessToken
            ? null
            : Error(401, 190, "Error validating access token: Session has expired");

    private bool WindowOpen(string waId) =>
        _lastInbound.TryGetValue(waId, out var at) && _clock.GetUtcNow() - at < TimeSpan.FromHours(24);

    private bool TakeThroughputSlot()
    {
        lock (_throughputGate)
        {
            var now = _clock.GetUtcNow();
            // Made at the first message, and again when a test changes the limit.
            if (_throughput is null || _throughputShape != (RateModel, MessagesPerSecond))
            {
                _throughput = FakeRateLimits.Create(RateModel, MessagesPerSecond, now);
                _throughputShape = (RateModel, MessagesPerSecond);
            }

            if (_throughput.WaitFor(now) > TimeSpan.Zero)
            {
                return false;
            }

            _throughput.Take(now);
            return true;
        }
    }

    private static IResult Error(int status, int code, string message) => Results.Json(new
    {
        error = new
        {
            message = $"(#{code}) {message}",
            type = "OAuthException",
            code,
            error_data = new { messaging_product = "whatsapp", details = message },
            fbtrace_id = "AFakeTrace123",
        },
    }, statusCode: status);
}
