using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// One status webhook entry for a message we sent. <see cref="PlatformMessageId"/> is the wamid that
/// <see cref="WhatsAppSender"/> returned; <see cref="FailureKind"/> is set for failures so the store can act on them the
/// same way the sender does for synchronous errors (131047 → outside window, 131026 → unreachable, …).
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
