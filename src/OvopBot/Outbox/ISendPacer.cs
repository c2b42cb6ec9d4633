using OvopBot.Channels.Abstractions;

namespace OvopBot.Outbox;

/// <summary>
/// A channel's sending limits, registered by the channel beside its <see cref="IChannelSender"/>. The dispatcher
/// asks before every send; the pacer answers at once (it never waits): go (the capacity is reserved), or how long
/// this chat or the whole channel must still wait. A channel without a pacer is sent to as fast as it answers.
/// </summary>
public interface ISendPacer
{
    /// <summary>The channel name this pacer serves, as <see cref="IChannelSender.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>Reserves what sending this envelope needs now (every part of a split message), all or nothing.</summary>
    PaceDecision TryReserve(OutboundEnvelope envelope);
}
