namespace OvopBot.Channels.Abstractions;

/// <summary>
/// A pacer's answer. Both waits zero: go, <see cref="Requests"/> requests are reserved (hand the decision back to
/// <see cref="ISendPacer.Answered"/> when the platform answered). A <see cref="ChatWait"/> means only this recipient
/// must wait (the outbox skips them and serves others); a <see cref="ChannelWait"/> means nothing more may go on the
/// channel for that long.
/// </summary>
public readonly record struct PaceDecision(TimeSpan ChatWait, TimeSpan ChannelWait, int Requests = 0)
{
    /// <summary>Go, with <paramref name="requests"/> requests reserved.</summary>
    public static PaceDecision Go(int requests) => new(TimeSpan.Zero, TimeSpan.Zero, requests);

    public bool CanSend => ChatWait <= TimeSpan.Zero && ChannelWait <= TimeSpan.Zero;
}
