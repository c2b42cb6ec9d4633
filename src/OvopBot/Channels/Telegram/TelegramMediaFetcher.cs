using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram.Api;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// Downloads a photo or voice note by its file_id (getFile, then the file URL) into
/// <c>{Storage:MediaPath}/telegram/</c>. The local name is built from Telegram's file_unique_id and a checked
/// extension, never from anything the sender chose, so it is always a safe single file name; fetching the same file
/// twice reuses the first copy. Files over <see cref="TelegramOptions.MaxDownloadBytes"/> are refused (null).
/// </summary>
public sealed class TelegramMediaFetcher : IMediaFetcher
{
    private readonly TelegramClient _client;
    private readonly ILogger<TelegramMediaFetcher> _logger;
    private readonly long _maxBytes;
    private readonly string _folder;

    public TelegramMediaFetcher(TelegramClient client, IOptions<TelegramOptions> options, string mediaPath,
        ILogger<TelegramMediaFetcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _logger = logger;
        _maxBytes = options.Value.MaxDownloadBytes;
        _folder = Path.GetFullPath(Path.Combine(mediaPath, TelegramUpdateMapper.ChannelName));
    }

    public string Channel => TelegramUpdateMapper.ChannelName;

    public async Task<string?> FetchAsync(string mediaRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaRef);
        TelegramFile file;
        try
        {
            file = await _client.CallAsync<TelegramFile>("getFile", new GetFileRequest { FileId = mediaRef },
                cancellationToken);
        }
        catch (TelegramApiException ex) when (ex.ErrorCode == 400)
        {
            // "file is too big" or an unknown/expired file_id: nothing to download, the flow asks again.
            _logger.LogInformation("Telegram media not downloadable: {Description}", ex.Description);
            return null;
        }

        if (file.FileSize > _maxBytes || file.FilePath is null)
        {
            _logger.LogInformation("Telegram media refused: {Size} bytes, limit {Limit}", file.FileSize, _maxBytes);
            return null;
        }

        var target = Path.Combine(_folder, LocalName(file));
        if (File.Exists(target))
        {
            return target;
        }

        Directory.CreateDirectory(_folder);
        // Write beside the target and move it into place, so a crash never leaves a half file under the real name.
        var partial = $"{target}.{Path.GetRandomFileName()}.part";
        try
        {
            bool complete;
            await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
            {
                complete = await _client.DownloadAsync(file.FilePath, stream, _maxBytes, cancellationToken);
            }

            if (!complete)
            {
                _logger.LogInformation("Telegram media refused: larger than {Limit} bytes", _maxBytes);
                return null;
            }

            File.Move(partial, target, overwrite: true);
            return target;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>file_unique_id (stable, base64url) plus the extension of Telegram's file_path if plain.</summary>
    internal static string LocalName(TelegramFile file)
    {
        var id = new string((file.FileUniqueId ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            .Take(64).ToArray());
        if (id.Length == 0)
        {
            id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file.FileId)))[..32];
        }

        var extension = Path.GetExtension(file.FilePath ?? "");
        var plain = extension.Length is > 1 and <= 8 && extension[1..].All(char.IsAsciiLetterOrDigit);
        return id + (plain ? extension.ToLowerInvariant() : ".bin");
    }
}
