using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Storage;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// WhatsApp's 24-hour customer-service window over the store's record of the person's last message; a refused
/// message may go again as the reminder template when one is configured.
/// </summary>
public sealed class WhatsAppCustomerWindow(CustomerWindowStore store, IOptions<WhatsAppOptions> options) : ICustomerWindow
{
    public string Channel => WhatsAppWebhookMapper.Channel;

    public bool CanResendAsTemplate => options.Value.Templates.Reminder.IsConfigured;

    public Task<DateTimeOffset?> LastInboundAtAsync(string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        return store.LastInboundAtAsync(Channel, address.TrimStart('+'), cancellationToken);
    }
}
