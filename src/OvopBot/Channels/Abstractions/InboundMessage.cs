namespace OvopBot.Channels.Abstractions;

/// <summary>
/// One message from a person, normalised by its channel. <see cref="ExternalId"/> is the platform's own id
/// (Telegram update id, WhatsApp wamid, a console counter) and is unique per channel, which is what makes a
/// re-delivery harmless.
/// </summary>
public sealed record InboundMessage
{
    public required string Channel { get; init; }
    /// <summary>Where replies go: a Telegram chat id, a WhatsApp number (E.164 without '+'), a console id.</summary>
    public required string Address { get; init; }
    public required string ExternalId { get; init; }
    public required InboundKind Kind { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public string? Text { get; init; }
    /// <summary>The option key of a tapped button or list row.</summary>
    public string? ChoiceId { get; init; }
    /// <summary>The platform's reference to a photo, voice note or document (Telegram file_id, WhatsApp media id).</summary>
    public string? MediaRef { get; init; }
    /// <summary>Local path (under Storage:MediaPath) once the media is downloaded.</summary>
    public string? MediaPath { get; init; }
    public GeoPoint? Location { get; init; }
    /// <summary>A phone number the platform vouches for (WhatsApp sender, Telegram shared own contact).</summary>
    public string? Phone { get; init; }
    /// <summary>The name the platform shows for the person, if any.</summary>
    public string? DisplayName { get; init; }
    /// <summary>
    /// The platform id of the bot's message this one replies to (the app's "Reply": Telegram reply_to_message, WhatsApp
    /// context.id), as the outbox recorded it when sending. A facilitator's reply to a forwarded question answers it.
    /// </summary>
    public string? ReplyToPlatformId { get; init; }
}
