using System.Net;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// Turns a Graph API error code into what the outbox should do. Meta says to branch on <c>error.code</c>, not on the
/// HTTP status, so the status is only used when no code came back. Also used for <c>failed</c> status webhooks.
/// </summary>
public static class WhatsAppErrorClassifier
{
    /// <summary>Re-engagement: free-form text outside the 24-hour window.</summary>
    public const int OutsideWindowCode = 131047;

    /// <summary>Meta gives no Retry-After for throughput; a couple of seconds lets the second roll over.</summary>
    public static readonly TimeSpan ThroughputRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>The pair limit is one message per 6 s on average, so waiting one period clears it.</summary>
    public static readonly TimeSpan PairRateRetryAfter = TimeSpan.FromSeconds(6);

    /// <summary>Meta: during a throughput upgrade (131057) requests fail for up to a minute.</summary>
    public static readonly TimeSpan MaintenanceRetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>The kind, whether it stops the whole channel and how long to wait, for one error code.</summary>
    public static (SendFailureKind Kind, bool ChannelWide, TimeSpan? RetryAfter) Classify(int? code,
        HttpStatusCode status = HttpStatusCode.BadRequest, TimeSpan? retryAfterHeader = null)
    {
        switch (code)
        {
            case OutsideWindowCode:
                return (SendFailureKind.OutsideWindow, false, null);
            case 130429:
                return (SendFailureKind.Transient, true, retryAfterHeader ?? ThroughputRetryAfter);
            case 4 or 80007:
                // App-level call limits: the whole app is throttled.
                return (SendFailureKind.Transient, true, retryAfterHeader ?? TimeSpan.FromMinutes(1));
            case 131056:
                return (SendFailureKind.Transient, false, retryAfterHeader ?? PairRateRetryAfter);
            case 131049:
                // Marketing per-user cap: Meta says wait at least a day before trying that person again.
                return (SendFailureKind.Transient, false, TimeSpan.FromHours(24));
            case 131057:
                return (SendFailureKind.Transient, true, MaintenanceRetryAfter);
            case 131026:
                return (SendFailureKind.Unreachable, false, null);
            case 0 or 190 or 3 or 10 or (>= 200 and <= 299):
                // Token expired or permission missing: every further send would fail the same way.
                return (SendFailureKind.ChannelDown, true, null);
            case 1 or 2 or 131000 or 131016:
                return (SendFailureKind.Transient, false, retryAfterHeader);
            case not null when (int)status >= 500:
                return (SendFailureKind.Transient, false, retryAfterHeader);
            case not null:
                // 100/131008/131009 (bad parameter), template errors (132xxx), 131050, 130403, …: retrying the same
                // payload cannot succeed.
                return (SendFailureKind.Permanent, false, null);
            default:
                return (int)status >= 500 || status == HttpStatusCode.TooManyRequests
                    || status == HttpStatusCode.RequestTimeout
                    ? (SendFailureKind.Transient, status == HttpStatusCode.TooManyRequests, retryAfterHeader)
                    : (SendFailureKind.Permanent, false, null);
        }
    }

    /// <summary>Wraps an API exception in the exception the outbox understands.</summary>
    public static ChannelSendException ToSendException(WhatsAppApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (kind, wide, after) = Classify(error.Code, error.Status, error.RetryAfter);
        return new ChannelSendException(kind, error.Message, after, wide, error);
    }
}
