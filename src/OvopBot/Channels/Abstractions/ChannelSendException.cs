namespace OvopBot.Channels.Abstractions;

/// <summary>How the outbox should treat a failed send.</summary>
public enum SendFailureKind
{
    /// <summary>Try again later (network error, 5xx, 429). <see cref="ChannelSendException.RetryAfter"/> may say when.</summary>
    Transient,
    /// <summary>Never retry this message (bad request, chat not found).</summary>
    Permanent,
    /// <summary>The person cannot be reached any more (blocked the bot, not on the platform): mark them unreachable.</summary>
    Unreachable,
    /// <summary>Free-form text is not allowed now (WhatsApp 24-hour window closed) and no template fits: hold it.</summary>
    OutsideWindow,
    /// <summary>The whole channel cannot send (token revoked or expired): stop the channel and alert.</summary>
    ChannelDown,
}

/// <summary>A send failed; the kind tells the outbox what to do. Messages never contain secrets.</summary>
public sealed class ChannelSendException : Exception
{
    public ChannelSendException(SendFailureKind kind, string message, TimeSpan? retryAfter = null,
        bool channelWide = false, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        RetryAfter = retryAfter;
        ChannelWide = channelWide;
    }

    public ChannelSendException() : this(SendFailureKind.Transient, "send failed") { }

    public ChannelSendException(string message) : this(SendFailureKind.Transient, message) { }

    public ChannelSendException(string message, Exception inner) : this(SendFailureKind.Transient, message, null, false, inner) { }

    public SendFailureKind Kind { get; }

    /// <summary>How long to wait before the next attempt, when the platform said so.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when the wait applies to the whole channel (global flood limit), not just this person.</summary>
    public bool ChannelWide { get; }

    /// <summary>
    /// For a message sent in parts whose progress the store could not take (<see cref="PartProgress"/>): the platform
    /// ids of every part out so far, earlier attempts included. The outbox writes them down with the row, and the next
    /// attempt starts at the first part not sent (<see cref="OutboundEnvelope.SentParts"/>).
    /// </summary>
    public IReadOnlyList<string> SentParts { get; init; } = [];
}
