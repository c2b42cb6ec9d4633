using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OvopBot.Hosting;

/// <summary>
/// The host of the command-line verbs (chat, flows, regions, export…): same configuration as the service
/// (appsettings.json, environment variables, <c>--Key value</c> arguments), no web listener, and logs on standard
/// error only so standard output carries just the verb's result.
/// </summary>
public static class CliHost
{
    public static IHost Build(IReadOnlyList<string> configArgs, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configArgs.ToArray(),
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOvopCore();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
