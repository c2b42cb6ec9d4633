using Microsoft.Extensions.DependencyInjection;

namespace OvopBot.Exports;

/// <summary>Registers <see cref="ExportService"/> (the command line's exports and the chat's, for admins).</summary>
public static class ExportServices
{
    public static IServiceCollection AddOvopExports(this IServiceCollection services)
    {
        services.AddSingleton<ExportService>();
        return services;
    }
}
