using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Outbox;

namespace OvopBot.Channels.Sms;

/// <summary>Registers the SMS channel when <c>Sms:ApiBaseUrl</c> is set, and maps <c>POST /webhooks/sms</c>.</summary>
public static class SmsServiceCollectionExtensions
{
    private const string HttpClientName = "sms";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[$"{SmsOptions.SectionName}:{nameof(SmsOptions.ApiBaseUrl)}"]);

    public static IServiceCollection AddSmsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!IsConfigured(configuration))
        {
            return services;
        }

        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SmsChannelMarker>();
        // The local server answers on the LAN within a second or two; 15 s covers a phone waking from doze.
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<ISmsGateway>(sp => new SmsGateGateway(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), sp.GetRequiredService<IOptions<SmsOptions>>()));
        services.AddSingleton<SmsMessageStore>();
        services.AddSingleton<SmsSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<SmsSender>());
        services.AddSingleton<SmsSendPacer>();
        services.AddSingleton<ISendPacer>(sp => sp.GetRequiredService<SmsSendPacer>());
        services.AddTransient<SmsWebhookHandler>();
        if (!string.IsNullOrWhiteSpace(configuration[$"{SmsOptions.SectionName}:{nameof(SmsOptions.WebhookUrl)}"]))
        {
            services.AddHostedService<SmsWebhookRegistrar>();
        }

        return services;
    }

    /// <summary>Maps the webhook; does nothing when <see cref="AddSmsChannel"/> found no gateway configured.</summary>
    public static IEndpointRouteBuilder MapSmsWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<SmsChannelMarker>() is not null)
        {
            endpoints.MapPost(SmsWebhookHandler.Path, (HttpRequest request) =>
                request.HttpContext.RequestServices.GetRequiredService<SmsWebhookHandler>().ReceiveAsync(
                    request, request.HttpContext.RequestAborted));
        }

        return endpoints;
    }

    /// <summary>Registered only when the channel is configured, so the endpoint mapping can tell.</summary>
    private sealed class SmsChannelMarker;
}
