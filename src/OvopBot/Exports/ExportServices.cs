using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvopBot.Conversations;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Exports;

/// <summary>Registers <see cref="ExportService"/>, with the region catalog when one is registered or its data is beside the app.</summary>
public static class ExportServices
{
    public static IServiceCollection AddOvopExports(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ExportService(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<FlowCatalog>(),
            sp.GetRequiredService<FlowEngine>(),
            sp.GetRequiredService<IOptions<ConversationOptions>>(),
            sp.GetRequiredService<IOptions<StorageOptions>>(),
            sp.GetService<RegionCatalog>() ?? LoadDefaultRegions()));
        return services;
    }

    /// <summary>The official list shipped beside the binaries; without it exports still run, with codes but no region names.</summary>
    private static RegionCatalog? LoadDefaultRegions() =>
        File.Exists(Path.Combine(RegionCatalog.DefaultDirectory, "villages.csv")) ? RegionCatalog.Load(RegionCatalog.DefaultDirectory) : null;
}
