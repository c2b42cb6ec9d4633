using System.Net;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// A Bot API call failed before Telegram gave a readable answer: no connection, a timeout, or a reply that was not
/// the JSON envelope (a proxy's HTML error page, say). The message names the method, never the URL, because the
/// bot token sits in the URL path.
/// </summary>
public class TelegramRequestException : Exception
{
    public TelegramRequestException(string method, string message, HttpStatusCode? statusCode = null,
        Exception? inner = null)
        : base(message, inner)
    {
        Method = method;
        StatusCode = statusCode;
    }

    public TelegramRequestException() : this("", "Telegram request failed") { }

    public TelegramRequestException(string message) : this("", message) { }

    public TelegramRequestException(string message, Exception inner) : this("", message, null, inner) { }

    /// <summary>The Bot API method that was called (sendMessage, getUpdates, …).</summary>
    public string Method { get; }

    /// <summary>The HTTP status, when an answer arrived at all.</summary>
    public HttpStatusCode? StatusCode { get; }
}
