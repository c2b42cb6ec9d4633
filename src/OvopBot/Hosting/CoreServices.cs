using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Flows.Answers;
using OvopBot.Media;
using OvopBot.Outbox;
using OvopBot.People;
using OvopBot.Regions;
using OvopBot.Storage;
using OvopBot.Web;

namespace OvopBot.Hosting;

/// <summary>Registers the parts every verb needs: configuration, the store, the flows and the engine.</summary>
public static class CoreServices
{
    public static IServiceCollection AddOvopCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FlowsOptions>().BindConfiguration(FlowsOptions.Section);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddSingleton<IValidateOptions<ConversationOptions>, ConversationFlowExists>();

        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath));
        services.AddSingleton<Signals>();
        services.AddSingleton<InboundStore>();
        services.AddSingleton<IInboundSink>(sp => sp.GetRequiredService<InboundStore>());
        services.AddSingleton<IChannelStateStore, ChannelStateStore>();
        services.AddSingleton(sp => FlowCatalog.Load(sp.GetRequiredService<IOptions<FlowsOptions>>().Value.ResolvePath()));
        services.AddOptions<RegionsOptions>().BindConfiguration(RegionsOptions.Section);
        services.AddSingleton(sp => RegionCatalog.Load(sp.GetRequiredService<IOptions<RegionsOptions>>().Value.ResolvePath()));
        services.AddSingleton(sp => RegionScope.Parse(sp.GetRequiredService<IOptions<RegionsOptions>>().Value.Scope,
            sp.GetRequiredService<RegionCatalog>()));
        services.AddSingleton(sp => new VillageMatcher(sp.GetRequiredService<RegionCatalog>(), sp.GetRequiredService<RegionScope>()));
        services.AddSingleton(sp => FlowEngine.CreateDefault(
            new VillageInterpreter(sp.GetRequiredService<RegionCatalog>(), sp.GetRequiredService<VillageMatcher>())));
        services.AddSingleton<ConversationProcessor>();
        services.AddSingleton<ChannelLinking>();
        services.AddSingleton<InboundGuard>();
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).Validate(
            o => o.MaxMegabytesPerPerson > 0 && o.MaxFolderMegabytes > 0,
            "Media:MaxMegabytesPerPerson and Media:MaxFolderMegabytes must be positive").ValidateOnStart();
        services.AddSingleton<MediaFolderUsage>();
        services.AddSingleton<MediaPolicy>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxDispatcher>();
        // Each person's last inbound time per channel, for a channel with a customer-care window (ICustomerWindow).
        services.AddSingleton<CustomerWindowStore>();
        services.AddSingleton<IDeliveryStatusSink, DeliveryStatusStore>();
        services.AddOvopStaff();
        services.AddOvopWeb();
        return services;
    }

    /// <summary>The background loops of the running service: stepping conversations and sending the outbox.</summary>
    public static IServiceCollection AddOvopWorkers(this IServiceCollection services)
    {
        services.AddHostedService<InboundProcessorService>();
        services.AddHostedService<OutboxService>();
        services.AddOvopStaffWorkers();
        return services;
    }

    /// <summary>Refuses to start when the configured flow is not among the (valid) flow files.</summary>
    private sealed class ConversationFlowExists(IServiceProvider services) : IValidateOptions<ConversationOptions>
    {
        public ValidateOptionsResult Validate(string? name, ConversationOptions options)
        {
            var catalog = services.GetRequiredService<FlowCatalog>();
            return catalog.TryGet(options.Flow, out _)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Conversations:Flow is '{options.Flow}', but no flow file has that id (known: {string.Join(", ", catalog.Flows.Select(f => f.Id))})");
        }
    }
}
