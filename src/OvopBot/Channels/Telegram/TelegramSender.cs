using System.Globalization;
using System.Text.Json;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram.Api;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// Sends one outbox envelope to a Telegram chat: the complete numbered text as plain text (no parse mode), a reply
/// keyboard with the same options on top ("1. Kopi", one per row, so a tap sends a form the engine understands),
/// a "share location/phone" button when the question asks for it, or a keyboard removal otherwise. Long texts go
/// out in several messages split on paragraph boundaries; a <see cref="OutboundMessage.DocumentPath"/> is uploaded
/// with sendDocument. Every failure becomes a <see cref="ChannelSendException"/>; nothing is retried here. Each part
/// Telegram accepts is recorded before the next is sent (<see cref="PartProgress"/>), so a retry or a restart resumes
/// at the first part not sent.
/// </summary>
public sealed class TelegramSender(TelegramClient client) : IChannelSender
{
    /// <summary>Telegram's upload limit for documents sent as multipart.</summary>
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    public string Channel => TelegramUpdateMapper.ChannelName;

    public long MaxDocumentBytes => MaxUploadBytes;

    public async Task<string> SendAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        // Chat ids are plain integers (negative for groups); "+62…" is a phone number from another channel.
        if (envelope.Address.StartsWith('+')
            || !long.TryParse(envelope.Address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                out var chatId))
        {
            throw new ChannelSendException(SendFailureKind.Permanent,
                $"'{envelope.Address}' is not a Telegram chat id");
        }

        var message = envelope.Message;
        var document = message.DocumentPath;
        if (document is null && string.IsNullOrWhiteSpace(message.Text))
        {
            throw new ChannelSendException(SendFailureKind.Permanent, "Telegram cannot send an empty text");
        }

        var markup = Markup(message);
        var captionFits = message.Text.Length <= TelegramTextSplitter.MaxCaptionLength;
        IReadOnlyList<string> texts = document is not null && captionFits
            ? []
            : TelegramTextSplitter.Split(message.Text);

        // The parts, in order, are the texts and then the document; an earlier attempt may have sent the first few.
        var progress = new PartProgress(envelope, texts.Count + (document is null ? 0 : 1));
        try
        {
            for (var i = progress.Sent; i < texts.Count; i++)
            {
                // The keyboard belongs under the last piece, which is where the question is.
                var last = i == texts.Count - 1 && document is null;
                var request = new SendMessageRequest
                {
                    ChatId = chatId, Text = texts[i], ReplyMarkup = last ? markup : null,
                };
                var sent = await client.CallAsync<SentMessage>("sendMessage", request, cancellationToken);
                await progress.AcceptedAsync(sent.MessageId.ToString(CultureInfo.InvariantCulture));
            }

            if (document is not null && progress.Sent == texts.Count)
            {
                var caption = captionFits ? message.Text : null;
                await progress.AcceptedAsync(await SendDocumentAsync(chatId, document, caption, markup, cancellationToken));
            }
        }
        catch (TelegramRequestException ex)
        {
            throw Classify(ex, progress.Sent);
        }

        return progress.PlatformIds;
    }

    private async Task<string> SendDocumentAsync(long chatId, string path, string? caption, object markup,
        CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new ChannelSendException(SendFailureKind.Permanent, $"document {file.Name} does not exist");
        }

        if (file.Length > MaxUploadBytes)
        {
            throw new ChannelSendException(SendFailureKind.Permanent,
                $"document {file.Name} is {file.Length} bytes; Telegram accepts uploads up to {MaxUploadBytes}");
        }

        var fields = new Dictionary<string, string>
        {
            ["chat_id"] = chatId.ToString(CultureInfo.InvariantCulture),
            ["reply_markup"] = JsonSerializer.Serialize(markup, markup.GetType(), TelegramClient.Json),
        };
        if (!string.IsNullOrEmpty(caption))
        {
            fields["caption"] = caption;
        }

        var sent = await client.UploadAsync<SentMessage>("sendDocument", fields, "document", path, cancellationToken);
        return sent.MessageId.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Buttons on top of the numbered text; with nothing to offer, any earlier keyboard is removed.</summary>
    internal static object Markup(OutboundMessage message)
    {
        var rows = message.Options
            .Select((option, index) => (IReadOnlyList<KeyboardButton>)
                [new KeyboardButton { Text = $"{index + 1}. {option.Label}" }])
            .ToList();

        // The button's words come from the flow (InputLabel); without them the channel adds no button.
        if (!string.IsNullOrWhiteSpace(message.InputLabel))
        {
            var button = message.Input switch
            {
                InputRequest.Location => new KeyboardButton { Text = message.InputLabel, RequestLocation = true },
                InputRequest.Phone => new KeyboardButton { Text = message.InputLabel, RequestContact = true },
                _ => null,
            };
            if (button is not null)
            {
                rows.Insert(0, [button]);
            }
        }

        return rows.Count == 0
            ? new ReplyKeyboardRemove()
            : new ReplyKeyboardMarkup { Keyboard = rows, ResizeKeyboard = true, OneTimeKeyboard = true };
    }

    /// <summary>Maps a Bot API failure to what the outbox should do with the message.</summary>
    internal static ChannelSendException Classify(TelegramRequestException ex, int partsSent)
    {
        var note = partsSent > 0 ? $" (after {partsSent} part(s) were sent)" : "";
        if (ex is not TelegramApiException api)
        {
            // No readable answer: network, timeout, proxy error page. The message may or may not have gone out.
            return new ChannelSendException(SendFailureKind.Transient, ex.Message + note, null, false, ex);
        }

        var kind = api.ErrorCode switch
        {
            429 => SendFailureKind.Transient,
            403 => SendFailureKind.Unreachable,
            // A wrong or revoked token (401) or a malformed bot URL (404) stops every message, not just this one.
            401 or 404 => SendFailureKind.ChannelDown,
            >= 500 or 409 => SendFailureKind.Transient,
            _ => SendFailureKind.Permanent,
        };
        // Telegram's 429 does not say whether the chat or the bot hit the limit; slowing the whole channel is safe.
        return new ChannelSendException(kind, api.Message + note, api.RetryAfter, channelWide: api.ErrorCode == 429,
            inner: api);
    }
}
