using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvopBot.ChatExports;
using OvopBot.Flows.Loading;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Operations;

public enum DoctorLevel
{
    Ok,
    Warning,
    Problem,
}

/// <summary>One line of the doctor's report: what was checked and, when it is wrong, what to fix.</summary>
public sealed record DoctorFinding(DoctorLevel Level, string Subject, string Text)
{
    public override string ToString() => $"{Level switch { DoctorLevel.Ok => "ok  ", DoctorLevel.Warning => "warn", _ => "FAIL" }}  {Subject}: {Text}";
}

/// <summary>
/// <c>doctor</c>: checks the configuration against the machine and the live platforms and says what to fix. Local:
/// flows and regions load, the database takes a write, the media, export and backup folders are writable, the disk
/// has room. Platforms (when configured): see <see cref="PlatformDoctor"/>. Every failure becomes one plain line;
/// no exception escapes and no secret is printed.
/// </summary>
public sealed class Doctor(IServiceProvider services, IConfiguration configuration, HttpClient http, TimeProvider time)
{
    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var findings = new List<DoctorFinding>();
        findings.Add(Try("flows", "Flows:Path", () => $"{services.GetRequiredService<FlowCatalog>().Flows.Count} flows load"));
        findings.Add(Try("regions", "Regions:Path and Regions:Scope", () =>
            $"service area {services.GetRequiredService<RegionScope>()} loads"));
        findings.Add(await DatabaseAsync(cancellationToken));

        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var backups = services.GetRequiredService<IOptions<BackupOptions>>().Value.ResolveFolder(storage.DatabasePath);
        findings.Add(Writable("media folder", storage.MediaPath, "Storage:MediaPath"));
        findings.Add(Writable("export folder", services.GetRequiredService<IOptions<ChatExportOptions>>().Value.Folder, "ChatExports:Folder"));
        findings.Add(Writable("backup folder", backups, "Backups:Folder"));
        var minFree = services.GetRequiredService<IOptions<HealthOptions>>().Value.MinFreeDiskMegabytes;
        findings.Add(Disk(storage.DatabasePath, minFree));

        findings.AddRange(await new PlatformDoctor(configuration, http, time).RunAsync(cancellationToken));
        return findings;
    }

    private async Task<DoctorFinding> DatabaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            var database = services.GetRequiredService<SqliteDatabase>();
            var probe = await ReadinessCheck.ProbeDatabaseAsync(database, TimeSpan.FromSeconds(10), time.GetUtcNow(), cancellationToken);
            return new DoctorFinding(probe.Healthy ? DoctorLevel.Ok : DoctorLevel.Problem, "database",
                probe.Healthy ? probe.Detail : probe.Detail + ": check Storage:DatabasePath, the folder's owner and the free space");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DoctorFinding(DoctorLevel.Problem, "database",
                $"cannot open {services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath}: {Innermost(e).Message}: check Storage:DatabasePath and the folder's permissions");
        }
    }

    private static DoctorFinding Try(string subject, string keys, Func<string> check)
    {
        try
        {
            return new DoctorFinding(DoctorLevel.Ok, subject, check());
        }
        catch (Exception e)
        {
            return new DoctorFinding(DoctorLevel.Problem, subject, $"{Innermost(e).Message}: check {keys}");
        }
    }

    /// <summary>Creates the folder when missing, then writes and deletes a small file in it.</summary>
    internal static DoctorFinding Writable(string subject, string folder, string key)
    {
        var full = Path.GetFullPath(folder);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".doctor-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return new DoctorFinding(DoctorLevel.Ok, subject, $"writable ({full})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DoctorFinding(DoctorLevel.Problem, subject, $"{full} is not writable ({e.Message}): check {key} and the folder's owner");
        }
    }

    internal static DoctorFinding Disk(string databasePath, long minFreeMegabytes)
    {
        var disk = ReadinessCheck.Disk(databasePath, minFreeMegabytes);
        return new DoctorFinding(disk.Healthy ? DoctorLevel.Ok : DoctorLevel.Problem, "disk",
            disk.Healthy ? disk.Detail : disk.Detail + ": free some space (old backups, exports) or lower Health:MinFreeDiskMegabytes");
    }

    private static Exception Innermost(Exception e)
    {
        while (e is TargetInvocationException or AggregateException && e.InnerException is not null)
        {
            e = e.InnerException!;
        }

        return e;
    }
}
