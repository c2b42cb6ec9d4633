using System.Text.Json.Serialization;

namespace OvopBot.Channels.Telegram.Api;

/// <summary>One incoming update; at most one of the optional parts is set.</summary>
public sealed record Update
{
    /// <summary>Required: a body without it is not an update (the webhook answers 400).</summary>
    [JsonRequired]
    public long UpdateId { get; init; }
    public Message? Message { get; init; }
    public Message? EditedMessage { get; init; }
    public CallbackQuery? CallbackQuery { get; init; }
    public ChatMemberUpdated? MyChatMember { get; init; }
}
