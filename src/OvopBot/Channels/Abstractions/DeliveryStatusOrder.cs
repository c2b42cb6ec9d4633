namespace OvopBot.Channels.Abstractions;

/// <summary>
/// The one rule for recording statuses: sent → delivered → read → played only moves forward, and "failed" is
/// final but can only follow "sent" — a failure reported after the phone confirmed delivery is stale and is ignored.
/// </summary>
public static class DeliveryStatusOrder
{
    /// <summary>True when <paramref name="incoming"/> should overwrite <paramref name="current"/> (null: none yet).</summary>
    public static bool ShouldReplace(DeliveryStatus? current, DeliveryStatus incoming)
    {
        if (current is null)
        {
            return true;
        }

        if (current == DeliveryStatus.Failed)
        {
            return false;
        }

        return incoming == DeliveryStatus.Failed
            ? current == DeliveryStatus.Sent
            : incoming > current;
    }

    /// <summary>Parses a status word as stored (and as WhatsApp reports it): "sent", "delivered", "read", "played", "failed"; null when unknown.</summary>
    public static DeliveryStatus? Parse(string? status) => status switch
    {
        "sent" => DeliveryStatus.Sent,
        "delivered" => DeliveryStatus.Delivered,
        "read" => DeliveryStatus.Read,
        "played" => DeliveryStatus.Played,
        "failed" => DeliveryStatus.Failed,
        _ => null,
    };
}
