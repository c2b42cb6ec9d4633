using Microsoft.AspNetCore.Http;

namespace OvopBot.Channels.Sms;

/// <summary>
/// What OvopBot needs from an SMS gateway. SMSGate (<see cref="SmsGateGateway"/>) is one class behind it; httpSMS,
/// Zenziva, Twilio or Kannel would each be another. Everything else of the channel (numbers, text, pacing, costs,
/// the outbox, the webhook endpoint) is shared.
/// </summary>
public interface ISmsGateway
{
    /// <summary>
    /// Hands one SMS to the gateway under our own id, which makes a repeated send harmless: the gateway already having
    /// that id counts as accepted. Throws <see cref="Abstractions.ChannelSendException"/> for every failure.
    /// </summary>
    Task SendAsync(SmsOutgoing message, CancellationToken cancellationToken);

    /// <summary>Checks a webhook's signature and freshness, then reads it. Never throws for bad input.</summary>
    SmsWebhookRead ReadWebhook(IHeaderDictionary headers, byte[] body, DateTimeOffset now);

    /// <summary>Tells the gateway to post received messages and delivery events to <paramref name="url"/>.</summary>
    Task RegisterWebhookAsync(Uri url, CancellationToken cancellationToken);
}

/// <summary>One SMS to send: our id (also the key we find it by in delivery events), an E.164 number, GSM-7 text.</summary>
public sealed record SmsOutgoing(string Id, string To, string Text);

/// <summary>A message a person sent, as the gateway reported it (the sender not yet normalised).</summary>
public sealed record SmsReceived(string EventId, string Sender, string Text, DateTimeOffset ReceivedAt);

/// <summary>What the gateway says happened to one of our SMS: sent (to the SMSC), delivered, or failed.</summary>
public sealed record SmsStatusEvent(string EventId, string MessageId, SmsDelivery State, DateTimeOffset At, string? Reason);

public enum SmsDelivery
{
    Sent,
    Delivered,
    Failed,
}

/// <summary>How a webhook read out: refused (with the HTTP status to answer), ignored (a 2xx and why), or an event.</summary>
public sealed record SmsWebhookRead
{
    public int? RefuseStatus { get; init; }
    public string? Note { get; init; }
    public SmsReceived? Received { get; init; }
    public SmsStatusEvent? Status { get; init; }

    public static SmsWebhookRead Refused(int status, string why) => new() { RefuseStatus = status, Note = why };

    public static SmsWebhookRead Ignored(string why) => new() { Note = why };
}
