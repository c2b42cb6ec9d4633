namespace OvopBot.Channels.Abstractions;

/// <summary>
/// Sends one message on one platform. Implementations throw <see cref="ChannelSendException"/> for every failure
/// so the outbox can decide between retrying and giving up; they never retry on their own.
/// </summary>
public interface IChannelSender
{
    /// <summary>The channel name this sender serves ("telegram", "whatsapp", "console").</summary>
    string Channel { get; }

    /// <summary>The largest document the platform accepts from a bot, in bytes (no limit unless a channel says so).</summary>
    long MaxDocumentBytes => long.MaxValue;

    /// <summary>Sends the message and returns the platform's message id (or ids joined by ',' when split).</summary>
    Task<string> SendAsync(OutboundEnvelope envelope, CancellationToken cancellationToken);
}

/// <summary>An outbox row as the sender sees it.</summary>
public sealed record OutboundEnvelope(long Id, string Address, OutboundKind Kind, OutboundMessage Message)
{
    /// <summary>
    /// Platform ids of the parts of this message an earlier attempt sent before it failed (a long text split in
    /// several messages): a sender that splits resumes after them, so nobody reads a part twice.
    /// </summary>
    public IReadOnlyList<string> SentParts { get; init; } = [];

    /// <summary>
    /// Set by the outbox: writes down the platform ids of the parts sent so far, each time the platform accepts one
    /// (<see cref="PartProgress"/>), so that a retry after a failure or a restart starts at the next part.
    /// </summary>
    public Func<IReadOnlyList<string>, Task>? RecordSentParts { get; init; }
}
