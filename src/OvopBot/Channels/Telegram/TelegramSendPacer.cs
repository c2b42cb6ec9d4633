using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Outbox;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// Telegram's sending limits for the outbox: <see cref="TelegramOptions.MessagesPerSecond"/> for the bot and
/// <see cref="TelegramOptions.PerChatMessagesPerSecond"/> per chat. A message the sender splits into several parts
/// (long text, text plus a document) counts every part, as Telegram counts them.
/// </summary>
public sealed class TelegramSendPacer(IOptions<TelegramOptions> options, TimeProvider time) : ISendPacer
{
    /// <summary>
    /// How unevenly requests may reach Telegram without a 429: the bot-wide burst is this much shorter than one
    /// second's budget (at 30/s: 27 at once instead of 30), which absorbs that spread of network delays and costs
    /// nothing of the sustained rate. In the broadcast benchmark the fake's bucket then never fell below 3.6 tokens
    /// (a 429 needs less than 1); with the full burst it reached 1 and answered 429 several times a run.
    /// </summary>
    internal static readonly TimeSpan JitterAllowance = TimeSpan.FromMilliseconds(100);

    private readonly SendRateLimiter _limiter = new(options.Value.MessagesPerSecond,
        options.Value.PerChatMessagesPerSecond, time, JitterAllowance);

    public string Channel => TelegramUpdateMapper.ChannelName;

    public PaceDecision TryReserve(OutboundEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return _limiter.TryReserve(envelope.Address, Parts(envelope.Message));
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
