using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OvopBot.Channels.WhatsApp;

/// <summary>Maps <c>GET</c> and <c>POST /webhooks/whatsapp</c> when the WhatsApp channel is configured.</summary>
public static class WhatsAppWebhookEndpoints
{
    public const string Path = "/webhooks/whatsapp";

    /// <summary>Maps the webhook; does nothing when <c>AddWhatsAppChannel</c> found no access token.</summary>
    public static IEndpointRouteBuilder MapWhatsAppWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<WhatsAppChannelMarker>() is null)
        {
            return endpoints;
        }

        // The query keys contain dots ("hub.mode"), which parameter binding cannot name, so read them directly.
        endpoints.MapGet(Path, (HttpRequest request) =>
            request.HttpContext.RequestServices.GetRequiredService<WhatsAppWebhookHandler>().Verify(
                request.Query["hub.mode"], request.Query["hub.verify_token"], request.Query["hub.challenge"]));
        endpoints.MapPost(Path, (HttpRequest request) =>
            request.HttpContext.RequestServices.GetRequiredService<WhatsAppWebhookHandler>().ReceiveAsync(
                request, request.HttpContext.RequestAborted));
        return endpoints;
    }
}
