using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.WhatsApp;

/// <summary>
/// The service side of a test: a real Kestrel host on 127.0.0.1 wired with <c>AddWhatsAppChannel</c> and
/// <c>MapWhatsAppWebhook</c>, in-memory sinks, a hand-moved clock and a fake Graph API server for it to call.
/// </summary>
public sealed class WhatsAppTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WhatsAppTestHost(WebApplication app, FakeGraphApiServer graph, ManualTimeProvider clock, string mediaPath)
    {
        _app = app;
        Graph = graph;
        Clock = clock;
        MediaPath = mediaPath;
    }

    public FakeGraphApiServer Graph { get; }
    public ManualTimeProvider Clock { get; }
    public string MediaPath { get; }
    public Uri Webhook { get; private set; } = null!;
    public InMemoryInbound Inbound => _app.Services.GetRequiredService<InMemoryInbound>();
    public InMemoryStatusSink Statuses => _app.Services.GetRequiredService<InMemoryStatusSink>();
    public CapturingLoggerProvider Logs => _app.Services.GetRequiredService<CapturingLoggerProvider>();
    public IChannelSender Sender => _app.Services.GetServices<IChannelSender>().Single(s => s.Channel == "whatsapp");
    public IMediaFetcher MediaFetcher => _app.Services.GetServices<IMediaFetcher>().Single();
    public IServiceProvider Services => _app.Services;

    public static async Task<WhatsAppTestHost> StartAsync(Dictionary<string, string?>? settings = null,
        bool configured = true)
    {
        var clock = new ManualTimeProvider();
        var graph = await FakeGraphApiServer.StartAsync(clock);
        var mediaPath = Path.Combine(Path.GetTempPath(), "ovopbot-wa-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var config = new Dictionary<string, string?>
        {
            ["WhatsApp:AccessToken"] = configured ? graph.AccessToken : null,
            ["WhatsApp:PhoneNumberId"] = graph.PhoneNumberId,
            ["WhatsApp:AppSecret"] = graph.AppSecret,
            ["WhatsApp:VerifyToken"] = "fake-verify-token",
            ["WhatsApp:ApiBaseUrl"] = graph.ApiBaseUrl,
            ["Storage:MediaPath"] = mediaPath,
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<InMemoryInbound>();
        builder.Services.AddSingleton<IInboundSink>(sp => sp.GetRequiredService<InMemoryInbound>());
        builder.Services.AddSingleton<ICustomerWindow>(sp => sp.GetRequiredService<InMemoryInbound>());
        builder.Services.AddSingleton<InMemoryStatusSink>();
        builder.Services.AddSingleton<IDeliveryStatusSink>(sp => sp.GetRequiredService<InMemoryStatusSink>());
        builder.Services.AddWhatsAppChannel(builder.Configuration);
        var app = builder.Build();
        app.MapWhatsAppWebhook();
        var host = new WhatsAppTestHost(app, graph, clock, mediaPath);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First();
        host.Webhook = new Uri(address.TrimEnd('/') + WhatsAppWebhookEndpoints.Path);
        return host;
    }

    /// <summary>The person writes to the bot (through a signed webhook), which opens their 24-hour window.</summary>
    public async Task PersonWritesAsync(string waId, string text = "halo")
    {
        var id = "wamid.IN" + Guid.NewGuid().ToString("N");
        using var response = await Graph.PostWebhookAsync(Webhook,
            WebhookPayloads.Messages(WebhookPayloads.Text(waId, id, text, Clock.GetUtcNow())));
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Graph.DisposeAsync();
        if (Directory.Exists(MediaPath))
        {
            Directory.Delete(MediaPath, recursive: true);
        }
    }
}
