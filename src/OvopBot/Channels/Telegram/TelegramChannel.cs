using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.Telegram;

/// <summary>Telegram, turned on by <c>Telegram:BotToken</c>; addresses are chat ids.</summary>
public sealed class TelegramChannel : IChannelModule
{
    public string Name => TelegramUpdateMapper.ChannelName;

    public bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration?["Telegram:BotToken"]);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTelegramChannel(configuration);
        // The "/" menu needs the flows and roles, which the rest of the channel knows nothing about.
        services.AddHostedService<TelegramCommandsRegistrar>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapTelegramWebhook();
}
