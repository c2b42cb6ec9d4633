namespace OvopBot.Operations;

/// <summary>The <c>Metrics</c> configuration section.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve <c>/metrics</c> at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A secret that lets a scraper on another machine read <c>/metrics</c> (<c>Authorization: Bearer …</c>). Empty:
    /// only requests from this machine (loopback, not forwarded by a proxy) are answered.
    /// </summary>
    public string BearerToken { get; set; } = "";
}

/// <summary>The <c>Health</c> configuration section: when <c>/healthz/ready</c> turns unhealthy.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>The oldest reply still waiting to be sent may be this old.</summary>
    public TimeSpan MaxOutboxLag { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Telegram polling (Polling mode) must have succeeded this recently (a long poll returns every ~30 s).</summary>
    public TimeSpan MaxTelegramPollAge { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Each webhook channel (WhatsApp, Telegram in Webhook mode) must have had a webhook this recently. None (the
    /// default): only reported, since a quiet night has no webhooks.
    /// </summary>
    public TimeSpan? MaxWebhookSilence { get; set; }

    /// <summary>Free space the database's disk must keep.</summary>
    public long MinFreeDiskMegabytes { get; set; } = 500;

    /// <summary>How long the database write probe may wait for the write lock.</summary>
    public TimeSpan DatabaseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>The <c>Backups</c> configuration section: online copies of the database made by the service itself.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where the copies go (created when missing); empty means <c>backups/</c> beside the database. Put it on another
    /// disk, or copy it off the machine.
    /// </summary>
    public string Folder { get; set; } = "";

    /// <summary>The folder the copies of the database at <paramref name="databasePath"/> go to.</summary>
    public string ResolveFolder(string databasePath) => string.IsNullOrWhiteSpace(Folder)
        ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "backups")
        : Path.GetFullPath(Folder);

    /// <summary>Time between two backups; the first is made at start when the newest copy is older than this.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many copies are kept (the newest); older ones are deleted after a successful backup.</summary>
    public int Keep { get; set; } = 7;
}
