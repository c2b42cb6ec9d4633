using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.Console;

/// <summary>The terminal: never "configured" (it is what runs when no platform is), but a name people can have roles on.</summary>
public sealed class ConsoleChannelModule : IChannelModule
{
    public string Name => ConsoleChannel.Name;

    public bool IsConfigured(IConfiguration configuration) => false;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
