using Microsoft.Extensions.Options;
using OvopBot.Storage;

namespace OvopBot.Media;

/// <summary>
/// The bytes in the media folder (<c>Storage:MediaPath</c>) as a running total, so the folder cap costs no walk of
/// thousands of files per download: one scan at the first use, then each file <see cref="MediaPolicy"/> keeps adds
/// its size. Files removed by others (erasure of a person's data, an operator cleaning up) leave the total high, never
/// low, so a total that would refuse a file is checked by a fresh scan first, at most once a minute.
/// </summary>
public sealed class MediaFolderUsage(IOptions<StorageOptions> storage, TimeProvider time)
{
    /// <summary>How often a total at the cap may be checked again by a scan (when the folder really is full).</summary>
    public static readonly TimeSpan RescanInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private long? _bytes;
    private DateTimeOffset _scannedAt;

    /// <summary>
    /// The folder's size, good enough to decide whether <paramref name="adding"/> more bytes stay under
    /// <paramref name="cap"/>: a total that would reach the cap is rescanned (see the class comment).
    /// </summary>
    public long Used(long cap, long adding = 0)
    {
        lock (_lock)
        {
            if (_bytes is not { } bytes || (bytes + adding >= cap && time.GetUtcNow() - _scannedAt >= RescanInterval))
            {
                bytes = Scan();
                _bytes = bytes;
                _scannedAt = time.GetUtcNow();
            }

            return bytes;
        }
    }

    /// <summary>A file of this size was kept in the folder.</summary>
    public void Added(long bytes)
    {
        lock (_lock)
        {
            _bytes += bytes; // before the first scan there is nothing to add to: the scan will count it
        }
    }

    private long Scan()
    {
        var folder = new DirectoryInfo(storage.Value.MediaPath);
        return folder.Exists
            ? folder.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Sum(f => f.Length)
            : 0;
    }
}
