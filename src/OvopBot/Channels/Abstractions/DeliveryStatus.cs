namespace OvopBot.Channels.Abstractions;

/// <summary>
/// The fate of a sent message as the platform reports it. Statuses arrive out of order and more than once, so a
/// store must only ever move forward: use <see cref="DeliveryStatusOrder.ShouldReplace"/>.
/// </summary>
public enum DeliveryStatus
{
    /// <summary>Accepted by the platform's servers (one tick).</summary>
    Sent = 1,
    /// <summary>On the person's phone (two ticks).</summary>
    Delivered = 2,
    /// <summary>Opened (blue ticks); implies delivered, which Meta may skip.</summary>
    Read = 3,
    /// <summary>A voice message was played; implies read.</summary>
    Played = 4,
    /// <summary>Could not be delivered; the update carries the error code.</summary>
    Failed = 5,
}
