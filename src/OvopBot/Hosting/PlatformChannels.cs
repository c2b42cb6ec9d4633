using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels.Sms;
using OvopBot.Channels.Telegram;
using OvopBot.Channels.WhatsApp;

namespace OvopBot.Hosting;

/// <summary>
/// Adds the messaging platforms that are configured (Telegram, WhatsApp, SMS) and maps their webhook endpoints.
/// Returns how many are active; none means the console channel is used.
/// </summary>
public static class PlatformChannels
{
    public static int Add(IServiceCollection services, IConfiguration configuration)
    {
        var active = 0;
        if (!string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"]))
        {
            services.AddTelegramChannel(configuration);
            // The "/" menu needs the flows and roles, which the channel itself knows nothing about.
            services.AddHostedService<TelegramCommandsRegistrar>();
            active++;
        }

        if (!string.IsNullOrWhiteSpace(configuration["WhatsApp:AccessToken"]))
        {
            services.AddWhatsAppChannel(configuration);
            active++;
        }

        if (SmsServiceCollectionExtensions.IsConfigured(configuration))
        {
            services.AddSmsChannel(configuration);
            active++;
        }

        return active;
    }

    public static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTelegramWebhook();
        endpoints.MapWhatsAppWebhook();
        endpoints.MapSmsWebhook();
    }
}
