namespace OvopBot.Outbox;

/// <summary>
/// A pacer's answer. Both waits zero: go, the capacity is taken. A <see cref="ChatWait"/> means only this chat must
/// wait (the dispatcher skips it and serves other chats); a <see cref="ChannelWait"/> means nothing more may go on
/// the channel for that long.
/// </summary>
public readonly record struct PaceDecision(TimeSpan ChatWait, TimeSpan ChannelWait)
{
    public static PaceDecision Go => default;

    public bool CanSend => ChatWait <= TimeSpan.Zero && ChannelWait <= TimeSpan.Zero;
}
