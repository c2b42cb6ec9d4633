using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// WhatsApp's sending limits for the outbox, on the shared <see cref="SendRateLimiter"/>: the business number's
/// throughput (<see cref="WhatsAppOptions.MessagesPerSecond"/>; Meta answers 130429 beyond it) and the least time
/// between two requests to one person (<see cref="WhatsAppOptions.PerPersonMinInterval"/>, far from the pair limit
/// 131056).
/// </summary>
public static class WhatsAppSendPacer
{
    public static SendPacer Create(WhatsAppOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = new SendLimits(new SendWindow(options.MessagesPerSecond, TimeSpan.FromSeconds(1)),
            options.PerPersonMinInterval);
        return new SendPacer(WhatsAppWebhookMapper.Channel, limits, Requests, time);
    }

    /// <summary>
    /// How many requests <see cref="WhatsAppSender"/> may make for this envelope: the free-form parts, a document
    /// counting its upload too. Outside the window a template is one request, so this is never too few.
    /// </summary>
    internal static int Requests(OutboundEnvelope envelope) =>
        Math.Max(1, WhatsAppComposer.FreeForm(envelope.Address, envelope.Message)
            .Sum(part => part.DocumentPath is null ? 1 : 2));
}
