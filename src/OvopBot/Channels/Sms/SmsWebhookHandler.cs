using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;

namespace OvopBot.Channels.Sms;

/// <summary>
/// <c>POST /webhooks/sms</c>. The gateway checks the signature and the timestamp (401 when missing, wrong or stale:
/// a replay is stale) and reads the event (400 when malformed); a received SMS is committed through
/// <see cref="IInboundSink"/>, a delivery event through <see cref="IDeliveryStatusSink"/>, and only then the answer is
/// 200. The phone gives up on an answer after 5 s; a commit is one short transaction. A failed commit answers 500, so
/// the phone posts again later, which the dedupe makes harmless. Events we do not use get 200 so they are not retried.
/// </summary>
public sealed class SmsWebhookHandler(ISmsGateway gateway, IInboundSink inbound, IDeliveryStatusSink statuses,
    TimeProvider time, ILogger<SmsWebhookHandler> logger)
{
    public const string Path = "/webhooks/sms";

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await WebhookBody.ReadCappedAsync(request, SmsOptions.MaxWebhookBodyBytes, cancellationToken);
        if (body is null)
        {
            logger.LogWarning("SMS webhook refused: body over {Max} bytes", SmsOptions.MaxWebhookBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var read = gateway.ReadWebhook(request.Headers, body, time.GetUtcNow());
        if (read.RefuseStatus is { } refused)
        {
            logger.LogWarning("SMS webhook refused ({Status}): {Why}", refused, read.Note);
            return Results.StatusCode(refused);
        }

        try
        {
            if (read.Received is { } received)
            {
                return await AcceptAsync(received, cancellationToken);
            }

            if (read.Status is { } status)
            {
                await statuses.RecordAsync([ToUpdate(status)], cancellationToken);
                logger.LogDebug("SMS webhook: {State} for {MessageId} committed", status.State, status.MessageId);
                return Results.Ok();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "SMS webhook: committing the event failed; the phone will post it again");
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        logger.LogInformation("SMS webhook ignored: {Why}", read.Note);
        return Results.Ok();
    }

    private async Task<IResult> AcceptAsync(SmsReceived received, CancellationToken cancellationToken)
    {
        if (SmsChannel.Address(received.Sender) is not { } address)
        {
            // An operator notice or a short code: there is nobody to answer, and a retry would change nothing.
            logger.LogInformation("SMS from '{Sender}' ignored: not a phone number ({Length} characters)",
                received.Sender, received.Text.Length);
            return Results.Ok();
        }

        var message = new InboundMessage
        {
            Channel = SmsChannel.Name,
            Address = address,
            ExternalId = ContentKey(address, received),
            Kind = received.Text.Trim().Length == 0 ? InboundKind.Unsupported : InboundKind.Text,
            ReceivedAt = received.ReceivedAt,
            Text = received.Text,
            // The network vouches for the sender's number, as WhatsApp does for its wa_id.
            Phone = address,
        };
        var fresh = await inbound.AcceptAsync([message], cancellationToken);
        logger.LogInformation("SMS webhook: message {EventId} from {Address} committed{Again}", received.EventId, address,
            fresh == 0 ? " (already had it)" : "");
        return Results.Ok();
    }

    /// <summary>
    /// The dedupe key of a received SMS. The phone retries with the same event id, but it may also report one SMS twice
    /// under two ids (broadcast receiver and inbox observer both see it), and its own message id is only a hash of the
    /// text. Sender, receive time (to the millisecond) and text together name one SMS in both cases.
    /// </summary>
    public static string ContentKey(string address, SmsReceived received)
    {
        ArgumentNullException.ThrowIfNull(received);
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{address}\n{received.ReceivedAt.ToUnixTimeMilliseconds()}\n{received.Text}");
        return "sms:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    private static DeliveryStatusUpdate ToUpdate(SmsStatusEvent status) => new(
        SmsChannel.Name, status.MessageId, "", status.State switch
        {
            SmsDelivery.Sent => DeliveryStatus.Sent,
            SmsDelivery.Delivered => DeliveryStatus.Delivered,
            _ => DeliveryStatus.Failed,
        },
        status.At, ErrorTitle: status.Reason);
}
