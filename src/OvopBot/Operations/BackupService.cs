using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Storage;

namespace OvopBot.Operations;

/// <summary>
/// Scheduled online backups made by the service itself: every <see cref="BackupOptions.Every"/> a consistent copy
/// (<see cref="DatabaseBackup"/>) named <c>ovopbot-yyyyMMdd-HHmmss.db</c> (UTC) goes to the backup folder, and only
/// after it succeeded are the copies beyond the newest <see cref="BackupOptions.Keep"/> deleted. A failed backup (a
/// full disk) leaves every earlier copy in place, is logged as an error and counted, and is tried again an hour later
/// (or sooner, when backups are more frequent).
/// </summary>
public sealed class BackupService(SqliteDatabase database, IOptions<BackupOptions> options, TimeProvider time,
    ILogger<BackupService> logger) : BackgroundService
{
    public const string FilePrefix = "ovopbot-";
    public const string FileExtension = ".db";
    private const string StampFormat = "yyyyMMdd-HHmmss";
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = NextDue() - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue; // re-read the folder: a backup made by hand meanwhile moves the schedule
            }

            // The copy reads the whole file: off the caller's thread, so it never holds up the host's start.
            if (await Task.Run(RunOnce, CancellationToken.None) is null)
            {
                var retry = options.Value.Every < RetryAfterFailure ? options.Value.Every : RetryAfterFailure;
                await Task.Delay(retry, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>When the next backup is due: <see cref="BackupOptions.Every"/> after the newest copy, or now.</summary>
    public DateTimeOffset NextDue()
    {
        var backups = Existing();
        return backups.Count == 0 ? time.GetUtcNow() : backups.Max(b => b.At) + options.Value.Every;
    }

    /// <summary>Makes one backup now and prunes old ones; returns its path, or null when it failed (logged).</summary>
    public string? RunOnce()
    {
        var target = Path.Combine(Folder, FilePrefix + time.GetUtcNow().UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture) + FileExtension);
        try
        {
            DatabaseBackup.Write(database, target);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            OvopMetrics.Backup(succeeded: false);
            logger.LogError("Backup to {Target} failed: {Error}. Earlier backups are kept; trying again later.", target, e.Message);
            return null;
        }

        OvopMetrics.Backup(succeeded: true);
        foreach (var old in Existing().OrderByDescending(b => b.At).Skip(Math.Max(1, options.Value.Keep)))
        {
            File.Delete(old.Path);
        }

        logger.LogInformation("Backed up the database to {Target}", target);
        return target;
    }

    /// <summary>The configured folder, or <c>backups/</c> beside the database.</summary>
    public string Folder => options.Value.ResolveFolder(database.Path);

    /// <summary>The backups in the folder with the time in their name (files of other names are left alone).</summary>
    public IReadOnlyList<(string Path, DateTimeOffset At)> Existing()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var backups = new List<(string Path, DateTimeOffset At)>();
        foreach (var path in Directory.EnumerateFiles(Folder, FilePrefix + "*" + FileExtension))
        {
            if (DateTime.TryParseExact(Path.GetFileNameWithoutExtension(path)[FilePrefix.Length..], StampFormat,
                    CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            {
                backups.Add((path, new DateTimeOffset(at, TimeSpan.Zero)));
            }
        }

        return backups;
    }
}
