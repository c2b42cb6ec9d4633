using System.Globalization;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram.Api;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// Turns a Telegram update into our <see cref="InboundMessage"/>, or null when the update is not for the
/// conversation (group chats, other bots, service notes such as a pinned message). It decides only what kind of
/// thing arrived; all wording of replies stays with the flow engine.
/// <code>
/// {"update_id":7,"message":{"chat":{"id":42,"type":"private"},"text":"/start inv_Q7"}} → Command "/start inv_Q7"
/// </code>
/// </summary>
public sealed class TelegramUpdateMapper(TimeProvider timeProvider)
{
    public const string ChannelName = "telegram";

    /// <summary>Update types the bot asks for, named so that a changed Telegram default cannot surprise us.</summary>
    public static readonly IReadOnlyList<string> AllowedUpdates =
        ["message", "edited_message", "callback_query", "my_chat_member"];

    // Message fields that are something a person sent but the bot cannot use as an answer. Anything not listed here
    // and not mapped is a service note (background changed, message pinned…) that deserves no reply at all.
    private static readonly HashSet<string> UnusableContent = new(StringComparer.Ordinal)
    {
        "sticker", "video", "video_note", "animation", "dice", "poll", "game", "story", "paid_media", "invoice",
        "giveaway", "checklist",
    };

    public InboundMessage? Map(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var externalId = update.UpdateId.ToString(CultureInfo.InvariantCulture);
        if (update.Message is { } message)
        {
            return MapMessage(message, externalId);
        }

        if (update.EditedMessage is { } edited)
        {
            return IsFromPerson(edited)
                ? Base(edited.Chat.Id, externalId, InboundKind.Edited, edited.EditDate ?? edited.Date, edited.From) with
                {
                    Text = edited.Text ?? edited.Caption,
                }
                : null;
        }

        if (update.CallbackQuery is { } callback)
        {
            return MapCallback(callback, externalId);
        }

        return update.MyChatMember is { } member ? MapMembership(member, externalId) : null;
    }

    private InboundMessage? MapMessage(Message message, string externalId)
    {
        if (!IsFromPerson(message))
        {
            return null;
        }

        var inbound = Base(message.Chat.Id, externalId, InboundKind.Unsupported, message.Date, message.From) with
        {
            ReplyToPlatformId = message.ReplyToMessage is { MessageId: > 0 } replied
                ? replied.MessageId.ToString(CultureInfo.InvariantCulture)
                : null,
        };
        if (message.Text is { } text)
        {
            return TryCommand(message, text) is { } command
                ? inbound with { Kind = InboundKind.Command, Text = command }
                : inbound with { Kind = InboundKind.Text, Text = text };
        }

        // Telegram does not promise that the last size is the largest, so pick by area (a null size is junk).
        if (message.Photo?.Where(size => size is not null).MaxBy(size => (long)size.Width * size.Height) is { } largest)
        {
            return inbound with { Kind = InboundKind.Photo, MediaRef = largest.FileId, Text = message.Caption };
        }

        if ((message.Voice ?? message.Audio) is { } voice)
        {
            // Basic phones often record with a separate app and send an audio file, not a voice note.
            return inbound with { Kind = InboundKind.Voice, MediaRef = voice.FileId, Text = message.Caption };
        }

        if (message.Document is { } document)
        {
            // A photo sent "as file" (uncompressed) is still the product photo the question asked for.
            var isImage = document.MimeType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true;
            return inbound with
            {
                Kind = isImage ? InboundKind.Photo : InboundKind.Document,
                MediaRef = document.FileId,
                Text = message.Caption,
            };
        }

        // A venue carries its location too, and a named place is as good an answer to "where" as a pin.
        if (message.Location is { } location)
        {
            return inbound with
            {
                Kind = InboundKind.Location,
                Location = new GeoPoint(location.Latitude, location.Longitude),
            };
        }

        if (message.Contact is { } contact)
        {
            return MapContact(inbound, message, contact);
        }

        return message.Other?.Keys.Any(UnusableContent.Contains) == true ? inbound : null;
    }

    private static InboundMessage MapContact(InboundMessage inbound, Message message, Contact contact)
    {
        var digits = new string((contact.PhoneNumber ?? "").Where(char.IsAsciiDigit).ToArray());
        // Only a number the sender shared about themselves (the "share phone" button) is vouched for; a forwarded
        // card of someone else is kept as text the flow may still use.
        var own = contact.UserId is { } userId && message.From?.Id == userId;
        return inbound with { Kind = InboundKind.Contact, Text = digits, Phone = own ? digits : null };
    }

    private InboundMessage? MapCallback(CallbackQuery callback, string externalId)
    {
        // The JSON reader does not enforce required objects: a callback without its sender is junk.
        if (callback.From is null || callback.From.IsBot || (callback.Message is { } origin && origin.Chat?.Type is not (null or "private")))
        {
            return null;
        }

        // A button under an old, inaccessible message still belongs to the user's private chat, whose id is theirs.
        var chatId = callback.Message?.Chat?.Id ?? callback.From.Id;
        return Base(chatId, externalId, InboundKind.Choice, null, callback.From) with { ChoiceId = callback.Data };
    }

    private InboundMessage? MapMembership(ChatMemberUpdated member, string externalId)
    {
        if (member.Chat?.Type != "private")
        {
            return null;
        }

        InboundKind? kind = member.NewChatMember?.Status switch
        {
            "kicked" => InboundKind.BlockedByUser,
            "member" when member.OldChatMember?.Status != "member" => InboundKind.UnblockedByUser,
            _ => null,
        };
        return kind is { } k ? Base(member.Chat.Id, externalId, k, member.Date, member.From) : null;
    }

    /// <summary>
    /// A command is text starting with a bot_command entity at offset 0 (or, when a server sends no entities,
    /// a leading "/word"). "/start@OvopBot X" is returned as "/start X" so the engine sees one form.
    /// </summary>
    private static string? TryCommand(Message message, string text)
    {
        var entity = message.Entities?.FirstOrDefault(e => e is { Type: "bot_command", Offset: 0 });
        int length;
        if (entity is not null)
        {
            length = Math.Clamp(entity.Length, 0, text.Length);
        }
        else if (message.Entities is null && text.Length > 1 && text[0] == '/' && char.IsAsciiLetter(text[1]))
        {
            var space = text.IndexOfAny([' ', '\n']);
            length = space < 0 ? text.Length : space;
        }
        else
        {
            return null;
        }

        var command = text[..length];
        var at = command.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? text : command[..at] + text[length..];
    }

    // A date beyond year 9999 cannot be a real one (and would not fit a DateTimeOffset): it reads as missing.
    private const long MaxUnixSeconds = 253_402_300_799;

    // The JSON reader does not enforce required objects, so a hostile update may lack its chat: nobody to answer.
    private static bool IsFromPerson(Message message) =>
        message.Chat is not null && message.Chat.Type is null or "private" && message.From?.IsBot != true;

    private InboundMessage Base(long chatId, string externalId, InboundKind kind, long? unixDate, User? from)
    {
        var name = string.Join(' ',
            new[] { from?.FirstName, from?.LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return new InboundMessage
        {
            Channel = ChannelName,
            Address = chatId.ToString(CultureInfo.InvariantCulture),
            ExternalId = externalId,
            Kind = kind,
            // Callback queries carry no date; a missing or zero date falls back to the time we saw the update.
            ReceivedAt = unixDate is > 0 and <= MaxUnixSeconds
                ? DateTimeOffset.FromUnixTimeSeconds(unixDate.Value)
                : timeProvider.GetUtcNow(),
            DisplayName = name.Length > 0 ? name : null,
        };
    }
}
