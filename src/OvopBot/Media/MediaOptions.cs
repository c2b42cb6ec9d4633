namespace OvopBot.Media;

/// <summary>
/// The <c>Media</c> section: how much of the media folder (<c>Storage:MediaPath</c>) one person and everybody together
/// may fill with downloaded photos and voice notes. Over either cap a file is not kept and the person is told so
/// politely (<c>media_not_kept</c> in the flow); the message itself is stored with the platform's reference.
/// </summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Megabytes one person's downloaded files may take (a product photo is 0.1–5 MB, a voice note far less).</summary>
    public double MaxMegabytesPerPerson { get; set; } = 25;

    /// <summary>Megabytes the whole media folder may take (about 2,000 people's photos; leaves room on one VM's disk).</summary>
    public double MaxFolderMegabytes { get; set; } = 4096;

    internal static long Bytes(double megabytes) => (long)Math.Min(megabytes * 1024 * 1024, long.MaxValue);
}
