using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace OvopBot.Operations;

/// <summary>
/// What an operator needs of the running service: <c>/metrics</c> (Prometheus text, through OpenTelemetry),
/// <c>/healthz/ready</c>, the webhook watch and the scheduled backups.
/// </summary>
public static class OperationsServices
{
    public const string MetricsPath = "/metrics";
    public const string ReadyPath = "/healthz/ready";

    public static IServiceCollection AddOvopOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOvopOperationsOptions();
        services.AddSingleton<ChannelActivity>();
        services.AddSingleton<ReadinessCheck>();
        services.AddSingleton<StoreGauges>();
        services.AddHostedService<BackupService>();
        if (configuration.GetValue(MetricsOptions.Section + ":" + nameof(MetricsOptions.Enabled), true))
        {
            services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("ovopbot")).WithMetrics(metrics => metrics
                .AddMeter(OvopMetrics.MeterName, StoreGauges.MeterName)
                .AddPrometheusExporter());
        }

        return services;
    }

    /// <summary>The Metrics, Health and Backups settings (the service and <c>doctor</c> read them).</summary>
    public static IServiceCollection AddOvopOperationsOptions(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).Validate(
            o => o.MaxOutboxLag > TimeSpan.Zero && o.MaxTelegramPollAge > TimeSpan.Zero
                 && (o.MaxWebhookSilence is null || o.MaxWebhookSilence > TimeSpan.Zero)
                 && o.MinFreeDiskMegabytes >= 0 && o.DatabaseTimeout > TimeSpan.Zero,
            $"{HealthOptions.Section}: the ages and the timeout must be positive, MinFreeDiskMegabytes not negative").ValidateOnStart();
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).Validate(
            o => !o.Enabled || (o.Every > TimeSpan.Zero && o.Keep >= 1),
            $"{BackupOptions.Section}: Every must be positive and Keep at least 1").ValidateOnStart();
        return services;
    }

    public static WebApplication MapOvopOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<WebhookWatch>();
        app.MapGet(ReadyPath, async (ReadinessCheck check, CancellationToken cancellationToken) =>
        {
            var entries = await check.RunAsync(cancellationToken);
            var ready = entries.All(e => e.Healthy);
            return Results.Json(new
            {
                status = ready ? "ready" : "unhealthy",
                checks = entries.ToDictionary(e => e.Name, e => new { healthy = e.Healthy, detail = e.Detail }),
            }, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });

        var metrics = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (metrics.Enabled)
        {
            // The gauges exist once created; the scrape then reads the database through them.
            app.Services.GetRequiredService<StoreGauges>();
            app.UseWhen(context => context.Request.Path.StartsWithSegments(MetricsPath),
                branch => branch.Use((context, next) => MetricsAccess.GuardAsync(context, metrics, next)));
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }

        return app;
    }
}
