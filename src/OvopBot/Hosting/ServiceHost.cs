using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OvopBot.Channels.Console;
using OvopBot.Operations;

namespace OvopBot.Hosting;

/// <summary>
/// The running service (<c>run</c>, the default verb): an ASP.NET Core host listening on the standard <c>Urls</c>
/// setting (default http://127.0.0.1:5080) with <c>/healthz</c> and the platforms' webhooks, plus the background
/// loops. With no platform configured, it talks to the terminal instead.
/// </summary>
public static class ServiceHost
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        // Request logs would drown the console conversation; appsettings.json can turn them back on.
        builder.Logging.AddFilter("Microsoft.AspNetCore", Microsoft.Extensions.Logging.LogLevel.Warning);
        // Graceful shutdown: in-flight messages finish (each is one short transaction) before the host stops.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.Services.AddOvopCore().AddOvopWorkers().AddOvopOperations(builder.Configuration);
        var platforms = PlatformChannels.Add(builder.Services, builder.Configuration);
        if (platforms == 0)
        {
            builder.Services.AddSingleton(sp => new ConsoleInputParser(
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Storage.StorageOptions>>().Value.MediaPath));
            builder.Services.AddSingleton<ConsoleConversation>();
            builder.Services.AddHostedService<ConsoleChannelService>();
        }

        var app = builder.Build();
        app.MapGet("/healthz", (Storage.SqliteDatabase database) => HealthCheck.Run(database));
        app.MapOvopOperations();
        PlatformChannels.MapEndpoints(app);
        Web.WebEndpoints.MapOvopWeb(app);
        return app;
    }
}
