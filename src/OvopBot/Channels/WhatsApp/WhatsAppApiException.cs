using System.Net;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// The Graph API answered with an error envelope (or an HTTP error without one). Carries what support needs
/// (<see cref="Code"/>, <see cref="Subcode"/>, <see cref="FbTraceId"/>) and never the access token.
/// </summary>
public sealed class WhatsAppApiException : Exception
{
    public WhatsAppApiException(HttpStatusCode status, int? code, int? subcode, string? fbTraceId, string? details,
        string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        Status = status;
        Code = code;
        Subcode = subcode;
        FbTraceId = fbTraceId;
        Details = details;
        RetryAfter = retryAfter;
    }

    public WhatsAppApiException() : this(HttpStatusCode.InternalServerError, null, null, null, null, "Graph API error")
    {
    }

    public WhatsAppApiException(string message) : this(HttpStatusCode.InternalServerError, null, null, null, null, message)
    {
    }

    public WhatsAppApiException(string message, Exception inner) : base(message, inner)
    {
        Status = HttpStatusCode.InternalServerError;
    }

    public HttpStatusCode Status { get; }

    /// <summary><c>error.code</c>, the field Meta says to branch on (130429, 131047, 190, …).</summary>
    public int? Code { get; }

    /// <summary><c>error.error_subcode</c>, deprecated by Meta but still logged when present.</summary>
    public int? Subcode { get; }

    /// <summary><c>error.fbtrace_id</c>, to quote in a Meta support case.</summary>
    public string? FbTraceId { get; }

    /// <summary><c>error.error_data.details</c>, the human explanation.</summary>
    public string? Details { get; }

    /// <summary>The HTTP Retry-After header, when the platform sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
