using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Outbox;

namespace OvopBot.Channels.Telegram;

/// <summary>Registers the Telegram channel; it stays off (nothing registered) until Telegram:BotToken is set.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>Where downloaded media goes when Storage:MediaPath is not configured.</summary>
    public const string DefaultMediaPath = "data/media";

    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TelegramOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(TelegramOptions.BotToken)]))
        {
            return services;
        }

        services.AddOptions<TelegramOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient<TelegramClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // Pooled connections are recycled by the handler itself, so the client can live in singletons.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The default HttpClient logging writes request URLs, and the bot token is part of every URL.
            .RemoveAllLoggers();

        services.TryAddSingleton<TelegramUpdateMapper>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TelegramSender>());
        services.AddSingleton<ISendPacer>(sp => TelegramSendPacer.Create(
            sp.GetRequiredService<IOptions<TelegramOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        var mediaPath = configuration["Storage:MediaPath"] is { Length: > 0 } configured
            ? configured
            : DefaultMediaPath;
        services.AddSingleton<IMediaFetcher>(sp => new TelegramMediaFetcher(sp.GetRequiredService<TelegramClient>(),
            sp.GetRequiredService<IOptions<TelegramOptions>>(), mediaPath,
            sp.GetRequiredService<ILogger<TelegramMediaFetcher>>()));

        // Read the raw value: a misspelt mode must surface in options validation (naming the key), not here.
        if (Enum.TryParse<TelegramMode>(section[nameof(TelegramOptions.Mode)], ignoreCase: true, out var mode)
            && mode == TelegramMode.Webhook)
        {
            services.AddHostedService<TelegramWebhookRegistrar>();
        }
        else
        {
            services.AddHostedService<TelegramPollingService>();
        }

        return services;
    }
}
