
namespace OvopBot.Channels.Abstractions;

/// <summary>
/// One delivery status a channel reports for a message we sent. <see cref="PlatformMessageId"/> is the id its sender
/// returned; <see cref="FailureKind"/> is set for failures (the channel classifies its own error codes) so the store
/// acts on them the same way the outbox does for synchronous errors.
/// </summary>
public sealed record DeliveryStatusUpdate(
    string Channel,
    string PlatformMessageId,
    string Recipient,
    DeliveryStatus Status,
    DateTimeOffset At,
    int? ErrorCode = null,
    string? ErrorTitle = null,
    SendFailureKind? FailureKind = null);
