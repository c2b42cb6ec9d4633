using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// Telegram's sending limits for the outbox: <see cref="TelegramOptions.MessagesPerSecond"/> for the bot and
/// <see cref="TelegramOptions.PerChatMessagesPerSecond"/> per chat, on the shared <see cref="SendRateLimiter"/>. A
/// message the sender splits into several requests (long text, text plus a document) counts every one, as Telegram
/// counts them.
/// </summary>
public static class TelegramSendPacer
{
    public static SendPacer Create(TelegramOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = new SendLimits(SendWindow.PerSecond(options.MessagesPerSecond),
            TimeSpan.FromSeconds(1 / options.PerChatMessagesPerSecond));
        return new SendPacer(TelegramUpdateMapper.ChannelName, limits, e => Parts(e.Message), time);
    }

    /// <summary>How many requests <see cref="TelegramSender"/> makes for this message.</summary>
    internal static int Parts(OutboundMessage message)
    {
        if (message.DocumentPath is null)
        {
            return Math.Max(1, TelegramTextSplitter.Split(message.Text).Count);
        }

        // Mirrors the sender: a short text rides as the document's caption, a long one goes first in parts.
        return message.Text.Length <= TelegramTextSplitter.MaxCaptionLength
            ? 1
            : TelegramTextSplitter.Split(message.Text).Count + 1;
    }
}
