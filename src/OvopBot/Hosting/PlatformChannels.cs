using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels;

namespace OvopBot.Hosting;

/// <summary>
/// Adds the messaging platforms that are configured (<see cref="ChannelModules"/>) and maps their webhook endpoints.
/// Returns how many are active; none means the console channel is used.
/// </summary>
public static class PlatformChannels
{
    public static int Add(IServiceCollection services, IConfiguration configuration)
    {
        var active = 0;
        foreach (var channel in ChannelModules.All.Where(c => c.IsConfigured(configuration)))
        {
            channel.AddServices(services, configuration);
            active++;
        }

        return active;
    }

    public static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        foreach (var channel in ChannelModules.All)
        {
            channel.MapEndpoints(endpoints);
        }
    }
}
