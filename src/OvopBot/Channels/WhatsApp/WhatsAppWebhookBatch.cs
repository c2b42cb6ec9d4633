using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// Everything one webhook POST carried, in payload order: the people's messages, the statuses of our messages, and
/// a note for each part that was deliberately ignored (for the operator log; never phone numbers).
/// </summary>
public sealed record WhatsAppWebhookBatch(
    IReadOnlyList<InboundMessage> Messages,
    IReadOnlyList<DeliveryStatusUpdate> Statuses,
    IReadOnlyList<string> Ignored);
