using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.Sms;

/// <summary>
/// What an outbox message becomes on SMS: its text (numbered options included, there are no buttons) as plain GSM-7,
/// cut into SMS of at most <c>Sms:MaxPartsPerMessage</c> parts each. Sender, pacer and broadcast preview all count
/// through here, so they agree on the cost.
/// </summary>
public static class SmsComposer
{
    public static IReadOnlyList<string> Messages(OutboundMessage message, int maxParts)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SmsText.Split(SmsText.ToGsm(message.Text), maxParts);
    }

    /// <summary>The parts (what the operator bills) the message costs in all.</summary>
    public static int Segments(OutboundMessage message, int maxParts) =>
        Math.Max(1, Messages(message, maxParts).Sum(SmsText.Segments));
}
