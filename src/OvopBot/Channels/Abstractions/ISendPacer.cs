namespace OvopBot.Channels.Abstractions;

/// <summary>
/// A channel's sending limits, registered by the channel beside its <see cref="IChannelSender"/> (every channel uses
/// the one implementation, <see cref="SendPacer"/>, with its own <see cref="SendLimits"/>). The outbox asks before
/// every send; the pacer answers at once (it never waits): go (the capacity is reserved), or how long this recipient
/// or the whole channel must still wait. It is told when the platform answered, so a send keeps its place in the
/// channel's window until one window after that, and when the platform asked the whole channel to wait. A channel
/// without a pacer is sent to as fast as it answers.
/// </summary>
public interface ISendPacer
{
    /// <summary>The channel name this pacer serves, as <see cref="IChannelSender.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>Reserves what sending this envelope needs now (every request of a split message), all or nothing.</summary>
    PaceDecision TryReserve(OutboundEnvelope envelope);

    /// <summary>
    /// The platform answered the send <paramref name="granted"/> was given for (accepted, refused, or the request
    /// failed): its requests stop being in flight. Call exactly once per granted decision.
    /// </summary>
    void Answered(PaceDecision granted);

    /// <summary>The platform asked the whole channel to wait this long (its retry-after).</summary>
    void PlatformAskedToWait(TimeSpan wait);
}
