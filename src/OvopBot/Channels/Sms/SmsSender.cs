using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.Sms;

/// <summary>
/// Sends one outbox envelope as one or more SMS through the gateway. Each SMS goes under an id made of the outbox row
/// and its part, recorded once the gateway holds it: a retry after a lost answer repeats the same ids and the gateway
/// refuses the duplicate (409), which counts as sent, so nobody gets an SMS twice. Returns the ids comma-joined,
/// which is how the outbox finds the row again for delivery events.
/// </summary>
public sealed class SmsSender(ISmsGateway gateway, SmsMessageStore messages, IOptions<SmsOptions> options,
    TimeProvider time, ILogger<SmsSender> logger) : IChannelSender
{
    public string Channel => SmsChannel.Name;

    /// <summary>No files by SMS: an admin's export stays on the server and they are told where.</summary>
    public long MaxDocumentBytes => 0;

    public async Task<string> SendAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!envelope.Address.StartsWith(SmsChannel.CountryPrefix, StringComparison.Ordinal)
            || envelope.Address.Length < 11 || !envelope.Address[1..].All(char.IsAsciiDigit))
        {
            throw new ChannelSendException(SendFailureKind.Permanent,
                $"SMS goes only to Indonesian numbers in E.164 (+62…), not '{envelope.Address}'");
        }

        var texts = SmsComposer.Messages(envelope.Message, options.Value.MaxPartsPerMessage);
        if (texts.Count == 0)
        {
            throw new ChannelSendException(SendFailureKind.Permanent, $"outbox message {envelope.Id} is empty");
        }

        var ids = new List<string>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var id = await messages.GatewayIdAsync(envelope.Id, i + 1, cancellationToken);
            await gateway.SendAsync(new SmsOutgoing(id, envelope.Address, texts[i]), cancellationToken);
            await messages.RecordAsync(id, envelope.Id, SmsText.Segments(texts[i]), time.GetUtcNow(), cancellationToken);
            ids.Add(id);
        }

        if (texts.Count > 1)
        {
            logger.LogDebug("SMS: outbox {Id} went as {Count} SMS", envelope.Id, texts.Count);
        }

        return string.Join(',', ids);
    }
}
