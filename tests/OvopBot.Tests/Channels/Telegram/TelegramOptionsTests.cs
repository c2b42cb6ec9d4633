using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram;
using OvopBot.Storage;
using OvopBot.Tests.Channels.Telegram.Support;
using OvopBot.Tests.Fakes;

namespace OvopBot.Tests.Channels.Telegram;

public sealed class TelegramOptionsTests
{
    private static TelegramOptions Valid() => new() { BotToken = FakeTelegramServer.Token };

    private static IReadOnlyList<string> Errors(TelegramOptions options) =>
        new TelegramOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Defaults_with_a_token_are_valid_and_follow_telegrams_guidance()
    {
        var options = Valid();

        Assert.Empty(Errors(options));
        Assert.Equal(("https://api.telegram.org", TelegramMode.Polling, 30d, 1d, 20L * 1024 * 1024),
            (options.ApiBaseUrl, options.Mode, options.MessagesPerSecond, options.PerChatMessagesPerSecond,
                options.MaxDownloadBytes));
    }

    [Theory]
    [InlineData(null, "Telegram:BotToken is required")]
    [InlineData(" 123:ABC", "Telegram:BotToken does not look like a bot token")]
    [InlineData("\"123:ABC\"", "Telegram:BotToken does not look like a bot token")]
    public void A_missing_or_malformed_token_names_the_key_and_never_repeats_the_value(string? token, string expected)
    {
        var error = Assert.Single(Errors(new TelegramOptions { BotToken = token }));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("123:ABC", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Webhook_mode_needs_an_https_url_and_a_well_formed_secret()
    {
        var errors = Errors(new TelegramOptions
        {
            BotToken = FakeTelegramServer.Token, Mode = TelegramMode.Webhook,
            WebhookUrl = "http://ovop.example.org/webhooks/telegram", WebhookSecret = "not allowed!",
        });

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Telegram:WebhookUrl", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Telegram:WebhookSecret", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_out_of_range_each_name_their_key()
    {
        var errors = Errors(new TelegramOptions
        {
            BotToken = FakeTelegramServer.Token, ApiBaseUrl = "api.telegram.org", PollTimeoutSeconds = 90,
            MessagesPerSecond = 0, PerChatMessagesPerSecond = -1, MaxDownloadBytes = 0,
        });

        Assert.Equal(
            ["Telegram:ApiBaseUrl", "Telegram:PollTimeoutSeconds", "Telegram:MessagesPerSecond",
                "Telegram:PerChatMessagesPerSecond", "Telegram:MaxDownloadBytes"],
            errors.Select(e => e[..e.IndexOf(' ', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Without_a_token_the_channel_registers_nothing()
    {
        var services = new ServiceCollection().AddTelegramChannel(Config([]));

        Assert.Empty(services);
    }

    [Fact]
    public void With_a_token_the_sender_media_fetcher_and_poller_are_registered()
    {
        using var provider = Provider(Config(new() { ["Telegram:BotToken"] = FakeTelegramServer.Token }));

        Assert.Equal("telegram", Assert.Single(provider.GetServices<IChannelSender>()).Channel);
        Assert.Equal("telegram", Assert.Single(provider.GetServices<IMediaFetcher>()).Channel);
        Assert.IsType<TelegramPollingService>(Assert.Single(provider.GetServices<IHostedService>()));
    }

    [Fact]
    public void Webhook_mode_registers_the_webhook_registrar_instead_of_the_poller()
    {
        using var provider = Provider(Config(new()
        {
            ["Telegram:BotToken"] = FakeTelegramServer.Token, ["Telegram:Mode"] = "webhook",
            ["Telegram:WebhookUrl"] = "https://ovop.example.org/webhooks/telegram", ["Telegram:WebhookSecret"] = "s",
        }));

        Assert.IsType<TelegramWebhookRegistrar>(Assert.Single(provider.GetServices<IHostedService>()));
    }

    [Fact]
    public async Task A_bad_configuration_stops_the_host_at_start_with_the_keys_named()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IInboundSink>(new InMemoryInboundSink());
        builder.Services.AddSingleton<IChannelStateStore>(new InMemoryChannelStateStore());
        builder.Services.AddTelegramChannel(Config(new()
        {
            ["Telegram:BotToken"] = FakeTelegramServer.Token, ["Telegram:Mode"] = "Webhook",
        }));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(ex.Failures, f => f.StartsWith("Telegram:WebhookUrl", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Telegram:WebhookSecret", StringComparison.Ordinal));
    }

    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceProvider Provider(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IInboundSink>(new InMemoryInboundSink());
        services.AddSingleton<IChannelStateStore>(new InMemoryChannelStateStore());
        return services.AddTelegramChannel(configuration).BuildServiceProvider();
    }
}
