namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// The <c>WhatsApp</c> configuration section. The channel is active only when <see cref="AccessToken"/> is set;
/// every other key is then checked at start by <see cref="WhatsAppOptionsValidator"/>.
/// </summary>
public sealed class WhatsAppOptions
{
    public const string SectionName = "WhatsApp";

    /// <summary>System-user access token (secret). Never logged.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The Graph id of the business number (not the phone number itself).</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>The Meta app secret that signs webhooks (secret).</summary>
    public string? AppSecret { get; set; }

    /// <summary>The string typed into the App Dashboard when registering the webhook (secret).</summary>
    public string? VerifyToken { get; set; }

    /// <summary>Graph API base including the version; configuration so tests and staging can point at a fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://graph.facebook.com/v25.0";

    public WhatsAppTemplatesOptions Templates { get; set; } = new();

    /// <summary>Throughput budget of the business number (Meta's default tier is 80 messages per second).</summary>
    public int MessagesPerSecond { get; set; } = 80;

    /// <summary>
    /// Least time between two sends to the same person. Meta allows one message per 6 s on average with bursts, so
    /// one second keeps far from the pair limit (131056) and lets consecutive messages arrive in order.
    /// </summary>
    public TimeSpan PerPersonMinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest inbound media file downloaded; bigger ones are skipped (the flow then asks again).</summary>
    public long MaxMediaBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Largest webhook body accepted; Meta sends at most 3 MB.</summary>
    public long MaxWebhookBodyBytes { get; set; } = 3L * 1024 * 1024;

    /// <summary>True when the channel should run.</summary>
    public bool IsActive => !string.IsNullOrWhiteSpace(AccessToken);
}
