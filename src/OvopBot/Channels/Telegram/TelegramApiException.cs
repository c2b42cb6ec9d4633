using System.Net;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// Telegram answered <c>ok:false</c>: the request reached the Bot API and was refused. <see cref="ErrorCode"/>
/// follows the HTTP status (400, 401, 403, 409, 429, 5xx); <see cref="Description"/> is Telegram's own text such as
/// "Forbidden: bot was blocked by the user".
/// </summary>
public sealed class TelegramApiException : TelegramRequestException
{
    public TelegramApiException(string method, int errorCode, string description, TimeSpan? retryAfter = null,
        long? migrateToChatId = null)
        : base(method, $"Telegram Bot API error {errorCode} on {method}: {description}", (HttpStatusCode)errorCode)
    {
        ErrorCode = errorCode;
        Description = description;
        RetryAfter = retryAfter;
        MigrateToChatId = migrateToChatId;
    }

    public TelegramApiException() : this("", 0, "") { }

    public TelegramApiException(string message) : this("", 0, message) { }

    public TelegramApiException(string message, Exception inner) : base("", message, null, inner)
    {
        Description = message;
    }

    public int ErrorCode { get; }

    public string Description { get; }

    /// <summary>Flood control: wait this long before sending again (HTTP 429).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The group became a supergroup with this new chat id.</summary>
    public long? MigrateToChatId { get; }
}
