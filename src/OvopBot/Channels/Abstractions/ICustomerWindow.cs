namespace OvopBot.Channels.Abstractions;

/// <summary>
/// A channel's customer-care window (WhatsApp: 24 hours after the person's last message): when the person last
/// wrote, and whether a message the platform refused as outside the window may go again as an approved template.
/// One implementation per channel that has such a window; channels without one register none.
/// </summary>
public interface ICustomerWindow
{
    /// <summary>The channel this window belongs to.</summary>
    string Channel => "";

    /// <summary>True when a message refused as outside the window can be sent again as a template (else it is held).</summary>
    bool CanResendAsTemplate => false;

    /// <summary>The time of the person's latest inbound message on this channel, or null if never.</summary>
    Task<DateTimeOffset?> LastInboundAtAsync(string address, CancellationToken cancellationToken);
}
