namespace OvopBot.Channels.Telegram;

/// <summary>
/// The <c>Telegram</c> configuration section. The channel is active only when <see cref="BotToken"/> is set; the
/// token is a secret (it sits inside every request URL), so it comes from an environment variable or user secrets.
/// </summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>Telegram's hard limit for files a bot may download with getFile.</summary>
    public const long TelegramDownloadLimit = 20L * 1024 * 1024;

    /// <summary>The token from BotFather, "123456:ABC…".</summary>
    public string? BotToken { get; set; }

    /// <summary>Base address of the Bot API; a local fake or a self-hosted Bot API server in tests/staging.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Public HTTPS address Telegram posts updates to (Webhook mode), ending in /webhooks/telegram.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Shared secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (Webhook mode).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Long-poll wait in seconds; Telegram's own server caps it at 50.</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Overall sending limit: at most this many (whole) messages in any second. Telegram says "about 30 per second"
    /// and documents no algorithm; the pacer (<see cref="Abstractions.SendRateLimiter"/>) holds under a token bucket
    /// and a strict sliding window alike, so the default is the full 30.
    /// </summary>
    public double MessagesPerSecond { get; set; } = 30;

    /// <summary>Sending limit per chat; Telegram's guidance is about one message per second.</summary>
    public double PerChatMessagesPerSecond { get; set; } = 1;

    /// <summary>Largest photo or voice note downloaded; bigger ones are refused (the flow then asks again).</summary>
    public long MaxDownloadBytes { get; set; } = TelegramDownloadLimit;
}
