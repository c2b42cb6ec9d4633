using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Telegram.Api;
using OvopBot.Operations;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// The one class that talks HTTP to the Bot API (<c>{ApiBaseUrl}/bot{token}/{method}</c>). Parameters go as a JSON
/// POST, uploads as multipart. Failures become <see cref="TelegramRequestException"/> (no readable answer) or
/// <see cref="TelegramApiException"/> (Telegram said no). The token is never written to a log line or an exception:
/// only the method name is, and any text that might echo the URL is redacted. It never retries; the outbox and the
/// receivers decide that.
/// </summary>
public sealed class TelegramClient
{
    /// <summary>How Bot API JSON is written and read: snake_case, nulls left out, unknown fields ignored.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Time allowed for an ordinary call; long polls get their poll timeout on top.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private const string Redacted = "<redacted>";

    private readonly HttpClient _http;
    private readonly ILogger<TelegramClient> _logger;
    private readonly string _token;
    private readonly string _apiBase;

    public TelegramClient(HttpClient http, IOptions<TelegramOptions> options, ILogger<TelegramClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _logger = logger;
        _token = options.Value.BotToken ?? "";
        _apiBase = options.Value.ApiBaseUrl.TrimEnd('/');
    }

    /// <summary>Calls a method with its parameters as JSON and returns the <c>result</c>.</summary>
    public Task<TResult> CallAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken) =>
        CallAsync<TResult>(method, parameters, DefaultTimeout, cancellationToken);

    /// <inheritdoc cref="CallAsync{TResult}(string, object?, CancellationToken)"/>
    public async Task<TResult> CallAsync<TResult>(string method, object? parameters, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri(method))
        {
            Content = JsonContent(parameters ?? new { }),
        };
        return await SendAsync<TResult>(method, request, timeout, cancellationToken);
    }

    /// <summary>
    /// Uploads a file with multipart/form-data (sendDocument and the like). <paramref name="fields"/> are plain
    /// strings; objects such as reply_markup must already be JSON text.
    /// </summary>
    public async Task<TResult> UploadAsync<TResult>(string method, IReadOnlyDictionary<string, string> fields,
        string fileField, string filePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var file = File.OpenRead(filePath);
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        var filePart = new StreamContent(file);
        filePart.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(filePart, fileField, Path.GetFileName(filePath));
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri(method)) { Content = form };
        // Uploads of tens of megabytes on a slow uplink need more than the default.
        return await SendAsync<TResult>(method, request, DefaultTimeout * 4, cancellationToken);
    }

    /// <summary>
    /// Downloads <c>{ApiBaseUrl}/file/bot{token}/{filePath}</c> into <paramref name="destination"/>. Returns false
    /// (having written at most <paramref name="maxBytes"/>) when the file turns out to be larger than that.
    /// </summary>
    public async Task<bool> DownloadAsync(string filePath, Stream destination, long maxBytes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        ArgumentNullException.ThrowIfNull(destination);
        const string method = "file download";
        var escaped = string.Join('/', filePath.Split('/').Select(Uri.EscapeDataString));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{_apiBase}/file/bot{_token}/{escaped}"));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(DefaultTimeout * 4);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new TelegramRequestException(method, $"{method}: HTTP {(int)response.StatusCode}",
                    response.StatusCode);
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return false;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cts.Token);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cts.Token)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    return false;
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cts.Token);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not TelegramRequestException)
        {
            throw Translate(method, ex);
        }
    }

    private async Task<TResult> SendAsync<TResult>(string method, HttpRequestMessage request, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A wall-clock safety net against a hung connection, not business timing, so no TimeProvider here.
        cts.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        HttpStatusCode status;
        string body;
        try
        {
            using var response = await _http.SendAsync(request, cts.Token);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var translated = Translate(method, ex);
            _logger.LogDebug("Telegram {Method} failed after {ElapsedMs:F0} ms: {Error}", method,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, translated.Message);
            throw translated;
        }

        _logger.LogDebug("Telegram {Method} answered HTTP {Status} in {ElapsedMs:F0} ms", method, (int)status,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Interpret<TResult>(method, status, body);
    }

    private TResult Interpret<TResult>(string method, HttpStatusCode status, string body)
    {
        TelegramResponse<TResult>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<TelegramResponse<TResult>>(body, Json);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope is null)
        {
            throw new TelegramRequestException(method,
                $"{method}: HTTP {(int)status} without a Bot API answer", status);
        }

        if (!envelope.Ok)
        {
            if ((envelope.ErrorCode ?? (int)status) == 429)
            {
                OvopMetrics.RateLimited(TelegramUpdateMapper.ChannelName, 429);
            }

            var retryAfter = envelope.Parameters?.RetryAfter is { } seconds
                ? TimeSpan.FromSeconds(seconds)
                : (TimeSpan?)null;
            throw new TelegramApiException(method, envelope.ErrorCode ?? (int)status,
                Redact(envelope.Description ?? "no description"), retryAfter, envelope.Parameters?.MigrateToChatId);
        }

        return envelope.Result is { } result
            ? result
            : throw new TelegramRequestException(method, $"{method}: ok answer without a result", status);
    }

    /// <summary>
    /// Turns HttpClient failures into ours (the caller's own cancellation is rethrown before this). A timeout
    /// becomes a request exception. Inner exceptions are kept only when their text is free of the token.
    /// </summary>
    private TelegramRequestException Translate(string method, Exception ex)
    {
        if (ex is OperationCanceledException)
        {
            return new TelegramRequestException(method, $"{method}: no answer in time");
        }

        var text = ex.ToString();
        var safeInner = _token.Length > 0 && text.Contains(_token, StringComparison.Ordinal) ? null : ex;
        var status = (ex as HttpRequestException)?.StatusCode;
        return new TelegramRequestException(method, $"{method}: {Redact(ex.Message)}", status, safeInner);
    }

    private string Redact(string text) =>
        _token.Length == 0 ? text : text.Replace(_token, Redacted, StringComparison.Ordinal);

    private Uri MethodUri(string method) => new($"{_apiBase}/bot{_token}/{method}");

    private static StringContent JsonContent(object parameters) =>
        new(JsonSerializer.Serialize(parameters, parameters.GetType(), Json), System.Text.Encoding.UTF8,
            "application/json");
}
