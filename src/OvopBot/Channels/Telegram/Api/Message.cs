using System.Text.Json;
using System.Text.Json.Serialization;

namespace OvopBot.Channels.Telegram.Api;

/// <summary>
/// The parts of a Telegram Message the bot uses. Every other field (stickers, videos, service messages…) lands in
/// <see cref="Other"/>, so the mapper can tell "something we cannot use" from "a service note to ignore".
/// </summary>
public sealed record Message
{
    public long MessageId { get; init; }
    public User? From { get; init; }
    public required Chat Chat { get; init; }
    public long Date { get; init; }
    public long? EditDate { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<MessageEntity>? Entities { get; init; }
    public string? Caption { get; init; }
    public IReadOnlyList<PhotoSize>? Photo { get; init; }
    public MediaFile? Voice { get; init; }
    public MediaFile? Audio { get; init; }
    public MediaFile? Document { get; init; }
    public Location? Location { get; init; }
    public Contact? Contact { get; init; }
    /// <summary>The message this one replies to (the app's "Reply"); only its id is read.</summary>
    public RepliedMessage? ReplyToMessage { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}
