using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.WhatsApp;

/// <summary>Registers the WhatsApp channel when <c>WhatsApp:AccessToken</c> is set; otherwise registers nothing.</summary>
public static class WhatsAppServiceCollectionExtensions
{
    private const string HttpClientName = "whatsapp";

    /// <summary>
    /// Adds options (validated at start), the Graph API client, the sender, the media fetcher and the webhook
    /// handler. Expects <see cref="IInboundSink"/>, <see cref="IDeliveryStatusSink"/> and
    /// <see cref="Storage.CustomerWindowStore"/> from the store. Media goes to <c>Storage:MediaPath</c> (default <c>data/media</c>).
    /// </summary>
    public static IServiceCollection AddWhatsAppChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(WhatsAppOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(WhatsAppOptions.AccessToken)]))
        {
            return services;
        }

        services.AddOptions<WhatsAppOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WhatsAppOptions>, WhatsAppOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WhatsAppChannelMarker>();

        // One long-lived HttpClient (the sender is a singleton); pooled connections are recycled for DNS changes.
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => new WhatsAppClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<WhatsAppOptions>>(),
            sp.GetRequiredService<ILogger<WhatsAppClient>>()));

        // Kept when already given (tests give an in-memory one).
        services.TryAddSingleton<ICustomerWindow, WhatsAppCustomerWindow>();
        services.AddSingleton<ISendPacer>(sp => WhatsAppSendPacer.Create(
            sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WhatsAppSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<WhatsAppSender>());
        var mediaPath = configuration["Storage:MediaPath"] is { Length: > 0 } p ? p : Path.Combine("data", "media");
        services.AddSingleton<IMediaFetcher>(sp => new WhatsAppMediaFetcher(
            sp.GetRequiredService<WhatsAppClient>(),
            sp.GetRequiredService<IOptions<WhatsAppOptions>>(),
            mediaPath,
            sp.GetRequiredService<ILogger<WhatsAppMediaFetcher>>()));
        services.AddTransient<WhatsAppWebhookHandler>();
        return services;
    }
}
