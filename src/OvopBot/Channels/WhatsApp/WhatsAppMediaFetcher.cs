using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// Downloads an inbound media id into <c>{Storage:MediaPath}/whatsapp/</c>: looks the id up for a 5-minute URL, then
/// fetches it with the bearer token, stopping at <see cref="WhatsAppOptions.MaxMediaBytes"/>. Returns null when the
/// media is too big or gone (Meta keeps inbound media 7 days); throws on transient trouble so the caller retries.
/// </summary>
public sealed class WhatsAppMediaFetcher : IMediaFetcher
{
    private readonly WhatsAppClient _client;
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly ILogger<WhatsAppMediaFetcher> _logger;

    public WhatsAppMediaFetcher(WhatsAppClient client, IOptions<WhatsAppOptions> options, string mediaPath,
        ILogger<WhatsAppMediaFetcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _directory = Path.Combine(mediaPath, WhatsAppWebhookMapper.Channel);
        _maxBytes = options.Value.MaxMediaBytes;
        _logger = logger;
    }

    public string Channel => WhatsAppWebhookMapper.Channel;

    public async Task<string?> FetchAsync(string mediaRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaRef);
        // Media ids are digits; anything else must not become part of a file path.
        if (!mediaRef.All(char.IsAsciiLetterOrDigit))
        {
            _logger.LogWarning("WhatsApp media id '{MediaId}' is not a plain id; not downloaded", mediaRef);
            return null;
        }

        Directory.CreateDirectory(_directory);
        var existing = Directory.EnumerateFiles(_directory, mediaRef + ".*")
            .FirstOrDefault(f => !f.EndsWith(".part", StringComparison.Ordinal));
        if (existing is not null)
        {
            return existing; // fetched before (the inbound processor may run twice after a crash)
        }

        // The download URL lives 5 minutes; Meta's advice on a 404 is to ask for a fresh one once.
        for (var attempt = 1; ; attempt++)
        {
            WhatsAppMediaInfo info;
            try
            {
                info = await _client.GetMediaAsync(mediaRef, cancellationToken);
            }
            catch (WhatsAppApiException ex) when (IsGone(ex))
            {
                _logger.LogWarning("WhatsApp media {MediaId} is no longer available ({Code})", mediaRef, ex.Code);
                return null;
            }

            if (info.FileSize > _maxBytes)
            {
                _logger.LogWarning("WhatsApp media {MediaId} has {Size} bytes, over the {Max} limit", mediaRef,
                    info.FileSize, _maxBytes);
                return null;
            }

            try
            {
                return await DownloadAsync(mediaRef, info, cancellationToken);
            }
            catch (WhatsAppApiException ex) when (ex.Status == HttpStatusCode.NotFound && attempt == 1)
            {
                _logger.LogInformation("WhatsApp media URL for {MediaId} expired; asking for a fresh one", mediaRef);
            }
        }
    }

    private async Task<string?> DownloadAsync(string mediaRef, WhatsAppMediaInfo info, CancellationToken ct)
    {
        var path = Path.Combine(_directory, mediaRef + Extension(info.MimeType));
        var partial = path + ".part";
        long size;
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            try
            {
                size = await _client.DownloadAsync(info.Url, file, _maxBytes, ct);
            }
            catch
            {
                file.Close();
                File.Delete(partial);
                throw;
            }
        }

        if (size < 0)
        {
            File.Delete(partial);
            _logger.LogWarning("WhatsApp media {MediaId} is over the {Max}-byte limit", mediaRef, _maxBytes);
            return null;
        }

        // Rename only when complete, so a crash never leaves a truncated photo that looks finished.
        File.Move(partial, path, overwrite: true);
        return path;
    }

    private static bool IsGone(WhatsAppApiException ex) =>
        ex.Status == HttpStatusCode.NotFound || ex.Code is 100 or 131052;

    private static string Extension(string? mime) => mime?.Split(';')[0].Trim() switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "audio/ogg" => ".ogg",
        "audio/mpeg" => ".mp3",
        "audio/mp4" => ".m4a",
        "audio/aac" => ".aac",
        "audio/amr" => ".amr",
        "video/mp4" => ".mp4",
        "application/pdf" => ".pdf",
        _ => ".bin",
    };
}
