using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OvopBot.Operations;
using OvopBot.Storage;
using OvopBot.Tests.TestSupport;
using Xunit.Abstractions;

namespace OvopBot.Tests.Operations;

/// <summary>Scheduled online backups on the manual clock, into real folders; a really full disk (a tiny tmpfs).</summary>
public sealed class BackupServiceTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    private BackupService Service(SqliteDatabase database, BackupOptions options) =>
        new(database, Options.Create(options), _clock, NullLogger<BackupService>.Instance);

    [Fact]
    public async Task A_backup_is_made_at_start_then_every_day_and_only_the_newest_are_kept()
    {
        using var database = new SqliteDatabase(_temp.File("ovopbot.db"));
        AddContact(database, "first");
        var service = Service(database, new BackupOptions { Keep = 2 });
        Assert.Equal(_temp.File("backups"), service.Folder);

        await service.StartAsync(CancellationToken.None);
        try
        {
            await WaitForBackupsAsync(service, 1);
            Assert.Equal("ovopbot-20261201-180000.db", Path.GetFileName(service.Existing().Single().Path));
            Assert.Equal(1, ContactsIn(service.Existing().Single().Path));

            AddContact(database, "second");
            _clock.Advance(TimeSpan.FromHours(23));
            await _clock.WaitForTimersAsync(1);
            Assert.Single(service.Existing());

            _clock.Advance(TimeSpan.FromHours(1));
            await WaitForBackupsAsync(service, 2);
            _clock.Advance(TimeSpan.FromDays(1));
            await WaitForBackupsAsync(service, 2, newest: "ovopbot-20261203-180000.db");

            var kept = service.Existing().OrderBy(b => b.At).Select(b => Path.GetFileName(b.Path)).ToList();
            Assert.Equal(["ovopbot-20261202-180000.db", "ovopbot-20261203-180000.db"], kept);
            Assert.Equal(2, ContactsIn(service.Existing().Max(b => b.Path)!));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void The_schedule_follows_the_newest_backup_in_the_folder()
    {
        using var database = new SqliteDatabase(_temp.File("ovopbot.db"));
        var service = Service(database, new BackupOptions { Folder = _temp.File("elsewhere"), Every = TimeSpan.FromHours(12) });
        Assert.Equal(_clock.GetUtcNow(), service.NextDue());

        Directory.CreateDirectory(service.Folder);
        File.WriteAllText(Path.Combine(service.Folder, "ovopbot-20261201-100000.db"), "");
        File.WriteAllText(Path.Combine(service.Folder, "notes.db"), "");

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero), service.NextDue());
        Assert.Single(service.Existing());
    }

    [Fact]
    public void A_full_disk_during_backup_keeps_the_old_backup_and_leaves_no_partial_file()
    {
        using var database = new SqliteDatabase(_temp.File("ovopbot.db"));
        // About 2 MB of data: far more than the 256 KB file system the backups go to.
        for (var i = 0; i < 400; i++)
        {
            AddContact(database, new string('x', 5000) + i);
        }

        var folder = _temp.File("small-disk");
        Directory.CreateDirectory(folder);
        if (!TryMountTmpfs(folder, "256k"))
        {
            Assert.True(Environment.GetEnvironmentVariable("OVOP_REQUIRE_TMPFS") != "1", "a tmpfs could not be mounted and OVOP_REQUIRE_TMPFS=1");
            output.WriteLine("Could not mount a small tmpfs (needs root); the full-disk backup test did not run.");
            return;
        }

        try
        {
            var old = Path.Combine(folder, "ovopbot-20261130-180000.db");
            File.WriteAllText(old, "the old backup");
            var service = Service(database, new BackupOptions { Folder = folder, Keep = 1 });

            Assert.Null(service.RunOnce());

            Assert.Equal("the old backup", File.ReadAllText(old));
            Assert.Equal([old], Directory.GetFiles(folder));
        }
        finally
        {
            Run("umount", folder);
        }
    }

    [Fact]
    public void The_backup_command_shares_the_safe_copy()
    {
        using var database = new SqliteDatabase(_temp.File("ovopbot.db"));
        AddContact(database, "one");
        var target = _temp.File("copies/manual.db");
        Directory.CreateDirectory(_temp.File("copies"));
        File.WriteAllText(target + DatabaseBackup.PartialSuffix, "left by a crash");

        DatabaseBackup.Write(database, target);

        Assert.Equal(1, ContactsIn(target));
        Assert.False(File.Exists(target + DatabaseBackup.PartialSuffix));
    }

    private static async Task WaitForBackupsAsync(BackupService service, int count, string? newest = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (service.Existing().Count != count || (newest is not null && Path.GetFileName(service.Existing().Max(b => b.Path)) != newest))
        {
            Assert.True(DateTime.UtcNow < deadline, $"waiting for {count} backups, found {string.Join(", ", service.Existing().Select(b => b.Path))}");
            await Task.Delay(20);
        }
    }

    private static void AddContact(SqliteDatabase database, string address)
    {
        using var connection = database.Open();
        connection.Execute("INSERT INTO contacts (channel, address, created_at) VALUES ('console', @address, '2026-12-01T00:00:00.000Z')", new { address });
    }

    private static long ContactsIn(string backup)
    {
        using var connection = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM contacts");
    }

    private static bool TryMountTmpfs(string folder, string size) => Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", folder);

    private static bool Run(string program, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            args.ToList().ForEach(info.ArgumentList.Add);
            using var process = Process.Start(info)!;
            process.WaitForExit(10_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
