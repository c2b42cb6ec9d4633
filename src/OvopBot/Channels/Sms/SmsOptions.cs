namespace OvopBot.Channels.Sms;

/// <summary>
/// The <c>Sms</c> configuration section. The channel is active only when <see cref="ApiBaseUrl"/> is set; every
/// other key is then checked at start by <see cref="SmsOptionsValidator"/>. See docs/sms.md.
/// </summary>
public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    public SmsMode Mode { get; set; } = SmsMode.Local;

    /// <summary>The gateway's API root, e.g. <c>http://192.168.1.20:8080</c> (Local) or the relay's 3rdparty/v1 URL.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>Basic-auth user shown in the app (Local default: <c>sms</c>).</summary>
    public string? Username { get; set; }

    /// <summary>Basic-auth password shown in the app (secret). Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The app's webhook signing key (Settings → Webhooks → Signing Key; secret).</summary>
    public string? SigningKey { get; set; }

    /// <summary>When set, the service registers this URL (ending in /webhooks/sms) with the gateway at start.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// SMS parts sent per minute at most. Android holds an app to about 30 SMS a minute before it asks the user to
    /// confirm, which stalls an unattended phone; operators watch personal SIMs for bulk sending.
    /// </summary>
    public int MessagesPerMinute { get; set; } = 20;

    /// <summary>Parts one bot SMS may take; a longer text goes as several SMS. The FAQ warns at 9+ parts.</summary>
    public int MaxPartsPerMessage { get; set; } = 3;

    /// <summary>
    /// SMS parts per day (WITA) at most, 0 for no limit. Broadcasts and reminders stop at nine tenths of it so that
    /// replies to people writing in always have the last tenth; what is over waits for the next day.
    /// </summary>
    public int DailyLimit { get; set; }

    /// <summary>How far a webhook's X-Timestamp may be from our clock before it is refused as stale or replayed.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Largest webhook body accepted; an assembled 10-part SMS is under 3 KB.</summary>
    public const long MaxWebhookBodyBytes = 64 * 1024;

    public bool IsActive => !string.IsNullOrWhiteSpace(ApiBaseUrl);
}
