namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// Tells the sender when a person last wrote to us, which opens WhatsApp's 24-hour customer-service window.
/// Implemented over the store's inbound messages.
/// </summary>
public interface ICustomerWindow
{
    /// <summary>The time of the person's latest inbound message (address = wa_id digits), or null if never.</summary>
    Task<DateTimeOffset?> LastInboundAtAsync(string address, CancellationToken cancellationToken);
}
