namespace OvopBot.Channels.Abstractions;

/// <summary>What a person sent, after a channel has normalised its platform's payload.</summary>
public enum InboundKind
{
    /// <summary>Free text typed by the person.</summary>
    Text,
    /// <summary>A tap on a button or list row; <see cref="InboundMessage.ChoiceId"/> holds the option key.</summary>
    Choice,
    /// <summary>A slash command such as <c>/start CODE</c>; the text holds the whole command.</summary>
    Command,
    Photo,
    Voice,
    Document,
    Location,
    /// <summary>A shared contact card, usually the person's own number via a "share phone" button.</summary>
    Contact,
    /// <summary>A sticker, reaction, video or anything else the bot cannot use as an answer.</summary>
    Unsupported,
    /// <summary>An edit of an earlier message; answers are never changed by edits.</summary>
    Edited,
    /// <summary>The person blocked the bot (Telegram my_chat_member "kicked"): no reply possible.</summary>
    BlockedByUser,
    /// <summary>The person unblocked the bot.</summary>
    UnblockedByUser,
}
