using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;

namespace OvopBot.Tests.Channels.WhatsApp;

public sealed class WhatsAppOptionsTests
{
    private static WhatsAppOptions Valid() => new()
    {
        AccessToken = "FAKE-WA-TOKEN", PhoneNumberId = "106540352242922", AppSecret = "fake-secret",
        VerifyToken = "fake-verify",
    };

    private static IReadOnlyList<string> Errors(WhatsAppOptions options) =>
        new WhatsAppOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Complete_settings_with_defaults_are_valid()
    {
        var options = Valid();

        Assert.Empty(Errors(options));
        Assert.Equal("https://graph.facebook.com/v25.0", options.ApiBaseUrl);
        Assert.Equal(80, options.MessagesPerSecond);
        Assert.Equal(3L * 1024 * 1024, options.MaxWebhookBodyBytes);
    }

    [Fact]
    public void Without_an_access_token_the_channel_is_off_and_nothing_else_is_checked() =>
        Assert.True(new WhatsAppOptionsValidator().Validate(null, new WhatsAppOptions()).Skipped);

    [Fact]
    public void Each_missing_secret_is_reported_by_its_configuration_key()
    {
        var errors = Errors(new WhatsAppOptions { AccessToken = "FAKE-WA-TOKEN" });

        Assert.Contains(errors, e => e.StartsWith("WhatsApp:PhoneNumberId is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("WhatsApp:AppSecret is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("WhatsApp:VerifyToken is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ApiBaseUrl", "graph.facebook.com/v25.0", "WhatsApp:ApiBaseUrl")]
    [InlineData("PhoneNumberId", "+62 812 3456", "WhatsApp:PhoneNumberId")]
    [InlineData("MessagesPerSecond", "0", "WhatsApp:MessagesPerSecond")]
    [InlineData("PerPersonMinInterval", "00:05:00", "WhatsApp:PerPersonMinInterval")]
    [InlineData("MaxMediaBytes", "0", "WhatsApp:MaxMediaBytes")]
    [InlineData("MaxWebhookBodyBytes", "1000", "WhatsApp:MaxWebhookBodyBytes")]
    [InlineData("Templates:Reminder:Language", "", "WhatsApp:Templates:Reminder:Language")]
    public void A_bad_value_is_reported_by_its_configuration_key(string key, string value, string named)
    {
        var options = Valid();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Templates:Reminder:Name"] = "ovop_pengingat",
            [key] = value,
        }).Build();
        config.Bind(options);

        var error = Assert.Single(Errors(options));

        Assert.StartsWith(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_an_incomplete_WhatsApp_section_refuses_to_start_and_names_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:AccessToken"] = "FAKE-WA-TOKEN",
            ["WhatsApp:PhoneNumberId"] = "106540352242922",
            ["WhatsApp:VerifyToken"] = "fake-verify",
        });
        builder.Services.AddWhatsAppChannel(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("WhatsApp:AppSecret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_access_token_no_WhatsApp_service_is_registered()
    {
        var services = new ServiceCollection();
        services.AddWhatsAppChannel(new ConfigurationBuilder().Build());

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IChannelSender));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(WhatsAppWebhookHandler));
    }
}
