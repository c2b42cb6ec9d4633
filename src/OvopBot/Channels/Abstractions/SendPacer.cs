namespace OvopBot.Channels.Abstractions;

/// <summary>
/// The pacer every channel registers: its name, its platform's <see cref="SendLimits"/> and how many requests its
/// sender makes for a message (a long text split in parts, a document uploaded then sent), on the shared
/// <see cref="SendRateLimiter"/>.
/// </summary>
public sealed class SendPacer(string channel, SendLimits limits, Func<OutboundEnvelope, int> requestsFor, TimeProvider time)
    : ISendPacer
{
    private readonly SendRateLimiter _limiter = new(limits, time);

    public string Channel => channel;

    public PaceDecision TryReserve(OutboundEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return _limiter.TryReserve(envelope.Address, requestsFor(envelope));
    }

    public void Answered(PaceDecision granted) => _limiter.Answered(granted);

    public void PlatformAskedToWait(TimeSpan wait) => _limiter.PlatformAskedToWait(wait);
}
