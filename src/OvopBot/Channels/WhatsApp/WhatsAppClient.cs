using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Operations;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// The only class that talks HTTP to the Graph API: sends messages, looks up and downloads media, uploads
/// documents. Errors become <see cref="WhatsAppApiException"/>; transport failures surface as
/// <see cref="HttpRequestException"/> or <see cref="TimeoutException"/>. It never retries (the outbox does) and never
/// writes the access token into a log line or an exception.
/// </summary>
public sealed class WhatsAppClient
{
    private readonly HttpClient _http;
    private readonly WhatsAppOptions _options;
    private readonly ILogger<WhatsAppClient> _logger;
    private readonly string _baseUrl;

    public WhatsAppClient(HttpClient http, IOptions<WhatsAppOptions> options, ILogger<WhatsAppClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _logger = logger;
        _baseUrl = _options.ApiBaseUrl.TrimEnd('/');
    }

    /// <summary>Posts one message object to <c>/{PhoneNumberId}/messages</c> and returns its wamid.</summary>
    public async Task<string> SendMessageAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var request = NewRequest(HttpMethod.Post, new Uri($"{_baseUrl}/{_options.PhoneNumberId}/messages"));
        request.Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        using var body = await ReadJsonAsync(response, cancellationToken);
        if (body.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
            && messages.GetArrayLength() > 0 && messages[0].TryGetProperty("id", out var id)
            && id.GetString() is { Length: > 0 } wamid)
        {
            return wamid;
        }

        throw new WhatsAppApiException(response.StatusCode, null, null, null, null,
            "Graph API accepted the message but returned no message id");
    }

    /// <summary>Asks for a media id's download URL (valid for 5 minutes) and size.</summary>
    public async Task<WhatsAppMediaInfo> GetMediaAsync(string mediaId, CancellationToken cancellationToken)
    {
        var uri = new Uri($"{_baseUrl}/{Uri.EscapeDataString(mediaId)}?phone_number_id={_options.PhoneNumberId}");
        using var request = NewRequest(HttpMethod.Get, uri);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        using var body = await ReadJsonAsync(response, cancellationToken);
        var root = body.RootElement;
        if (!root.TryGetProperty("url", out var url) || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out var link))
        {
            throw new WhatsAppApiException(response.StatusCode, null, null, null, null,
                "Graph API media lookup returned no download url");
        }

        long? size = root.TryGetProperty("file_size", out var fs) ? ReadLong(fs) : null;
        string? mime = root.TryGetProperty("mime_type", out var mt) ? mt.GetString() : null;
        return new WhatsAppMediaInfo(mediaId, link, mime, size);
    }

    /// <summary>
    /// Downloads a media URL (with the bearer token, which Meta requires) into <paramref name="destination"/>,
    /// stopping as soon as more than <paramref name="maxBytes"/> arrived. Returns the byte count, or -1 when too big.
    /// </summary>
    public async Task<long> DownloadAsync(Uri url, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var request = NewRequest(HttpMethod.Get, url);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return -1;
        }

        await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return -1;
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    /// <summary>Uploads a local file to <c>/{PhoneNumberId}/media</c> and returns the media id to send it by.</summary>
    public async Task<string> UploadMediaAsync(string path, string mimeType, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, new Uri($"{_baseUrl}/{_options.PhoneNumberId}/media"));
        await using var file = File.OpenRead(path);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("whatsapp"), "messaging_product");
        form.Add(new StringContent(mimeType), "type");
        var fileContent = new StreamContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        form.Add(fileContent, "file", Path.GetFileName(path));
        request.Content = form;
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        using var body = await ReadJsonAsync(response, cancellationToken);
        if (body.RootElement.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } mediaId)
        {
            return mediaId;
        }

        throw new WhatsAppApiException(response.StatusCode, null, null, null, null,
            "Graph API media upload returned no id");
    }

    private HttpRequestMessage NewRequest(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation; the caller must not mistake it for shutdown.
            throw new TimeoutException($"Graph API {request.Method} {request.RequestUri?.AbsolutePath} timed out", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(request, response, cancellationToken);
        }
    }

    private async Task<WhatsAppApiException> ToExceptionAsync(HttpRequestMessage request, HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        int? code = null, subcode = null;
        string? trace = null, details = null, message = null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                code = error.TryGetProperty("code", out var c) ? (int?)ReadLong(c) : null;
                subcode = error.TryGetProperty("error_subcode", out var sc) ? (int?)ReadLong(sc) : null;
                trace = error.TryGetProperty("fbtrace_id", out var t) ? t.GetString() : null;
                message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                if (error.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object
                    && data.TryGetProperty("details", out var d))
                {
                    details = d.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // A proxy or load balancer error page: keep the HTTP status, which is all there is.
        }

        var retryAfter = response.Headers.RetryAfter?.Delta;
        // Throughput (130429), pair rate (131056), account (80007) and app (4) limits, or a bare HTTP 429.
        if (code is 130429 or 131056 or 80007 or 4 || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            OvopMetrics.RateLimited(WhatsAppWebhookMapper.Channel, code ?? 429);
        }

        var summary = RedactText($"Graph API {request.Method} {request.RequestUri?.AbsolutePath} failed: " +
            $"HTTP {(int)response.StatusCode}, code {code?.ToString(CultureInfo.InvariantCulture) ?? "-"}" +
            $"{(subcode is null ? "" : "/" + subcode.Value.ToString(CultureInfo.InvariantCulture))}: " +
            $"{message ?? response.ReasonPhrase}{(details is null ? "" : " (" + details + ")")}" +
            $"{(trace is null ? "" : " fbtrace_id=" + trace)}");
        _logger.LogWarning("{Summary}", summary);
        return new WhatsAppApiException(response.StatusCode, code, subcode, trace, Redact(details), summary, retryAfter);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new WhatsAppApiException($"Graph API returned HTTP {(int)response.StatusCode} without JSON", ex);
        }
    }

    private static long? ReadLong(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture,
            out var s) => s,
        _ => null,
    };

    // Meta does not echo tokens, but an error text is the one place outside data we do not control.
    private string? Redact(string? text) => text is null ? null : RedactText(text);

    private string RedactText(string text) =>
        string.IsNullOrEmpty(_options.AccessToken)
            ? text
            : text.Replace(_options.AccessToken, "[redacted]", StringComparison.Ordinal);
}
