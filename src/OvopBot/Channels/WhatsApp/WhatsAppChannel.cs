using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.WhatsApp;

/// <summary>WhatsApp Cloud API, turned on by <c>WhatsApp:AccessToken</c>; addresses are wa_id digits (no '+').</summary>
public sealed class WhatsAppChannel : IChannelModule
{
    public string Name => WhatsAppWebhookMapper.Channel;

    public string NormalizeAddress(string address) => (address ?? "").TrimStart('+');

    public bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration?["WhatsApp:AccessToken"]);

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddWhatsAppChannel(configuration);

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapWhatsAppWebhook();
}
