namespace OvopBot.Channels.Abstractions;

/// <summary>
/// Where the webhook hands over delivery statuses. Implemented by the outbox store, which applies
/// <see cref="DeliveryStatusOrder.ShouldReplace"/> so a late "delivered" never overwrites "read". Returns only after the
/// updates are committed; the webhook is answered 200 afterwards, so Meta re-delivers them if this throws.
/// </summary>
public interface IDeliveryStatusSink
{
    Task RecordAsync(IReadOnlyList<DeliveryStatusUpdate> updates, CancellationToken cancellationToken);
}
