namespace OvopBot.Channels.Abstractions;

/// <summary>
/// At most <see cref="Sends"/> requests in any sliding <see cref="Per"/> (Telegram 30 per second, WhatsApp 80 per
/// second, SMS 20 per minute; a daily quota is another window: 500 per day).
/// </summary>
public readonly record struct SendWindow(int Sends, TimeSpan Per)
{
    /// <summary>The even spacing of the window's rate, rounded up so we are never faster than the platform counts.</summary>
    public TimeSpan Spacing => TimeSpan.FromTicks((Per.Ticks + Sends - 1) / Sends);

    /// <summary>
    /// A rate given per second, possibly fractional: whole sends per second (29.5 → 29 in any second), or for rates
    /// under one, one send per 1/rate seconds.
    /// </summary>
    public static SendWindow PerSecond(double rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        return rate >= 1
            ? new SendWindow((int)Math.Floor(rate), TimeSpan.FromSeconds(1))
            : new SendWindow(1, TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / rate)));
    }
}

/// <summary>
/// What a channel's platform allows: every window of <see cref="Channel"/> at once (the first is the steady rate the
/// sends are spaced at), and <see cref="PerRecipient"/> between two requests to one recipient.
/// </summary>
public sealed record SendLimits(IReadOnlyList<SendWindow> Channel, TimeSpan PerRecipient)
{
    /// <summary>
    /// How far sends may run ahead of even spacing to make good a late wake-up (<see cref="SendRateLimiter.CatchUp"/>
    /// when null). A channel whose platform counts over a long window (SMS: a minute) can afford more.
    /// </summary>
    public TimeSpan? CatchUp { get; init; }

    public SendLimits(SendWindow channel, TimeSpan perRecipient)
        : this([channel], perRecipient)
    {
    }
}
