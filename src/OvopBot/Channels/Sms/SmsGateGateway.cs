using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.Sms;

/// <summary>
/// SMS Gateway for Android (SMSGate, capcom6/android-sms-gateway) in any of its modes: the same JSON on the phone's
/// local server and on the cloud or private relay, HTTP Basic with the user and password the app shows.
/// Sends with <c>POST {base}/messages</c> under our own id; receives the phone's signed webhooks.
/// </summary>
public sealed class SmsGateGateway : ISmsGateway
{
    /// <summary>The events we register: one registration per event, as the app requires.</summary>
    public static readonly IReadOnlyList<string> Events = ["sms:received", "sms:sent", "sms:delivered", "sms:failed"];

    /// <summary>
    /// How long to leave the relay alone after "queue limits exceeded" (503) when it does not say: the phone must catch
    /// up first. Nothing is lost meanwhile; the rows stay in our outbox.
    /// </summary>
    public static readonly TimeSpan QueueFullPause = TimeSpan.FromMinutes(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly SmsOptions _options;
    private readonly string _base;

    public SmsGateGateway(HttpClient http, IOptions<SmsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _base = _options.ApiBaseUrl!.TrimEnd('/');
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.Username}:{_options.Password}"));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
    }

    public async Task SendAsync(SmsOutgoing message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new
        {
            id = message.Id,
            phoneNumbers = new[] { message.To },
            textMessage = new { text = message.Text },
            withDeliveryReport = true,
        };
        using var response = await _http.PostAsJsonAsync($"{_base}/messages", body, Json, cancellationToken);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
        {
            // 409: the gateway already holds this id, so an earlier attempt got through (its answer was lost).
            return;
        }

        var error = await ErrorTextAsync(response, cancellationToken);
        throw response.StatusCode switch
        {
            HttpStatusCode.ServiceUnavailable => new ChannelSendException(SendFailureKind.Transient,
                $"SMS gateway queue full (503): {error}", response.Headers.RetryAfter?.Delta ?? QueueFullPause,
                channelWide: true),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ChannelSendException(SendFailureKind.ChannelDown,
                $"SMS gateway refused the credentials ({(int)response.StatusCode}); check Sms:Username and Sms:Password"),
            HttpStatusCode.BadRequest => new ChannelSendException(SendFailureKind.Permanent, $"SMS gateway: {error}"),
            HttpStatusCode.TooManyRequests => new ChannelSendException(SendFailureKind.Transient,
                $"SMS gateway: too many requests", RetryAfter(response), channelWide: true),
            _ => new ChannelSendException(SendFailureKind.Transient, $"SMS gateway {(int)response.StatusCode}: {error}"),
        };
    }

    public SmsWebhookRead ReadWebhook(IHeaderDictionary headers, byte[] body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (SmsGateSignature.Problem(headers[SmsGateSignature.SignatureHeader], headers[SmsGateSignature.TimestampHeader],
                body, _options.SigningKey!, now) is { } problem)
        {
            return SmsWebhookRead.Refused(StatusCodes.Status401Unauthorized, problem);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return Read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            return SmsWebhookRead.Refused(StatusCodes.Status400BadRequest, $"malformed event: {e.Message}");
        }
    }

    public async Task RegisterWebhookAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        foreach (var e in Events)
        {
            // A fixed id per event: registering again at the next start replaces the hook instead of adding one.
            var body = new { id = "ovopbot-" + e.Replace(':', '-'), url = url.ToString(), @event = e };
            using var response = await _http.PostAsJsonAsync($"{_base}/webhooks", body, Json, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(
                    $"registering {e} failed ({(int)response.StatusCode}): {await ErrorTextAsync(response, cancellationToken)}",
                    null, response.StatusCode);
            }
        }
    }

    private static SmsWebhookRead Read(JsonElement root)
    {
        var eventId = root.GetProperty("id").GetString() ?? throw new FormatException("no id");
        var kind = root.GetProperty("event").GetString();
        var payload = root.GetProperty("payload");
        switch (kind)
        {
            case "sms:received":
                return new SmsWebhookRead
                {
                    Received = new SmsReceived(eventId,
                        Text(payload, "sender") ?? Text(payload, "phoneNumber") ?? throw new FormatException("no sender"),
                        Text(payload, "message") ?? "",
                        Time(payload, "receivedAt")),
                };
            case "sms:sent" or "sms:delivered" or "sms:failed":
                var state = kind switch
                {
                    "sms:sent" => SmsDelivery.Sent,
                    "sms:delivered" => SmsDelivery.Delivered,
                    _ => SmsDelivery.Failed,
                };
                var at = Time(payload, state switch
                {
                    SmsDelivery.Sent => "sentAt",
                    SmsDelivery.Delivered => "deliveredAt",
                    _ => "failedAt",
                });
                return new SmsWebhookRead
                {
                    Status = new SmsStatusEvent(eventId, Text(payload, "messageId") ?? throw new FormatException("no messageId"),
                        state, at, Text(payload, "reason")),
                };
            default:
                // system:ping, app:started, sms:data-received, mms:…: answered 2xx so the phone does not retry them.
                return SmsWebhookRead.Ignored($"event '{kind}' is not used");
        }
    }

    private static string? Text(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset Time(JsonElement payload, string name) =>
        DateTimeOffset.Parse(Text(payload, name) ?? throw new FormatException($"no {name}"), CultureInfo.InvariantCulture);

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(30);

    private static async Task<string> ErrorTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page): the start of the text says enough.
        }

        return text.Length > 200 ? text[..200] : text;
    }
}
