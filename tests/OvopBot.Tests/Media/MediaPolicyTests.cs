using Microsoft.Extensions.Options;
using OvopBot.Media;
using OvopBot.Storage;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Media;

/// <summary>
/// The media folder's running total behind <c>Media:MaxFolderMegabytes</c> (which media is wanted at all is the
/// engine's decision: Flows/TakesMediaTests). Real files in a temp folder, an injected clock.
/// </summary>
public sealed class MediaPolicyTests
{
    private const long Cap = 10_000;

    [Fact]
    public void The_folder_is_scanned_once_then_each_kept_file_adds_its_size()
    {
        using var folder = new TempDirectory();
        Write(folder, "telegram/a.jpg", 1000);
        Write(folder, "whatsapp/b.ogg", 500);
        var usage = Usage(folder, new ManualTimeProvider());

        Assert.Equal(1500, usage.Used(Cap));
        // Files written behind its back are not seen while far from the cap: no walk of the folder per download.
        Write(folder, "telegram/c.jpg", 2000);
        Assert.Equal(1500, usage.Used(Cap));
        usage.Added(2000);
        Assert.Equal(3500, usage.Used(Cap));
    }

    [Fact]
    public void A_total_that_would_refuse_a_file_is_checked_by_a_fresh_scan_at_most_once_a_minute()
    {
        using var folder = new TempDirectory();
        Write(folder, "telegram/a.jpg", 6000);
        Write(folder, "telegram/b.jpg", 3000);
        var time = new ManualTimeProvider();
        var usage = Usage(folder, time);
        Assert.Equal(9000, usage.Used(Cap));

        // b.jpg is erased with its person's data: the total counts high until it would refuse something.
        File.Delete(Path.Combine(folder.Path, "telegram", "b.jpg"));
        Assert.Equal(9000, usage.Used(Cap, adding: 500));
        time.Advance(MediaFolderUsage.RescanInterval);
        Assert.Equal(6000, usage.Used(Cap, adding: 5000)); // 9000 + 5000 would be over: rescanned, and there is room

        // Really full: the scan is not repeated for every file within the minute.
        Write(folder, "telegram/c.jpg", 5000);
        usage.Added(5000);
        File.Delete(Path.Combine(folder.Path, "telegram", "c.jpg"));
        Assert.Equal(11_000, usage.Used(Cap));
        time.Advance(MediaFolderUsage.RescanInterval);
        Assert.Equal(6000, usage.Used(Cap));
    }

    [Fact]
    public void A_missing_folder_holds_nothing()
    {
        using var folder = new TempDirectory();
        var usage = new MediaFolderUsage(Options.Create(new StorageOptions { MediaPath = Path.Combine(folder.Path, "not-yet") }),
            new ManualTimeProvider());

        Assert.Equal(0, usage.Used(Cap));
    }

    private static MediaFolderUsage Usage(TempDirectory folder, TimeProvider time) =>
        new(Options.Create(new StorageOptions { MediaPath = folder.Path }), time);

    private static void Write(TempDirectory folder, string name, int bytes)
    {
        var path = Path.Combine(folder.Path, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[bytes]);
    }
}
