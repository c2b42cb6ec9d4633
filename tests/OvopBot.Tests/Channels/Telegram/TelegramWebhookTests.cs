using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram;
using OvopBot.Storage;
using OvopBot.Tests.Channels.Telegram.Support;
using OvopBot.Tests.TestSupport;
using OvopBot.Tests.Fakes;

namespace OvopBot.Tests.Channels.Telegram;

public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private const string Secret = "ovop_Webhook-secret_1";
    private readonly ManualTimeProvider _clock = new();
    private readonly InMemoryInboundSink _sink = new();
    private readonly HttpClient _http = new();
    private FakeTelegramServer _telegram = null!;
    private WebApplication? _bot;
    private string _botUrl = "";

    public async Task InitializeAsync() => _telegram = await FakeTelegramServer.StartAsync(_clock);

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.StopAsync();
            await _bot.DisposeAsync();
        }

        _http.Dispose();
        await _telegram.DisposeAsync();
    }

    /// <summary>Our service's real wiring (AddTelegramChannel + MapTelegramWebhook) on a random local port.</summary>
    private async Task StartBotAsync(string mode = "Webhook")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramServer.Token,
            ["Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["Telegram:Mode"] = mode,
            ["Telegram:WebhookUrl"] = "https://ovop.example.org/webhooks/telegram",
            ["Telegram:WebhookSecret"] = Secret,
        });
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddSingleton<IInboundSink>(_sink);
        builder.Services.AddSingleton<IChannelStateStore>(new InMemoryChannelStateStore());
        builder.Services.AddTelegramChannel(builder.Configuration);
        _bot = builder.Build();
        _bot.MapTelegramWebhook();
        await _bot.StartAsync();
        _botUrl = _bot.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _botUrl + TelegramWebhookEndpoint.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        }

        return await _http.SendAsync(request);
    }

    private string TextUpdate(long updateId, string text)
    {
        var message = _telegram.PrivateMessage(5123456789);
        message["text"] = text;
        return new JsonObject { ["update_id"] = updateId, ["message"] = message }.ToJsonString();
    }

    [Fact]
    public async Task At_start_the_webhook_is_set_with_the_secret_and_without_dropping_pending_updates()
    {
        await StartBotAsync();
        await _telegram.WaitForCallsAsync("setWebhook");

        var call = Assert.Single(_telegram.CallsOf("setWebhook"));
        Assert.Equal("https://ovop.example.org/webhooks/telegram", _telegram.WebhookUrl);
        Assert.Equal(Secret, _telegram.WebhookSecret);
        Assert.False(FakeTelegramParameters.Bool(call.Parameters, "drop_pending_updates"));
        Assert.Equal(4, call.Parameters["allowed_updates"]!.AsArray().Count);
        Assert.Empty(_telegram.CallsOf("getUpdates"));
    }

    [Fact]
    public async Task A_refused_set_webhook_is_tried_again_after_a_pause()
    {
        _telegram.FailNext("setWebhook", 500, """{"ok":false,"error_code":500,"description":"Internal Server Error"}""");

        await StartBotAsync();
        await _clock.WaitForTimersAsync(1);
        _clock.Advance(_clock.ScheduledDelays[0]);
        await _telegram.WaitForCallsAsync("setWebhook", 2);

        await _telegram.WaitUntilAsync(t => t.WebhookUrl is not null);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ovop_Webhook-secret_2")]
    [InlineData("ovop_Webhook-secret_1x")]
    public async Task A_missing_or_wrong_secret_is_refused_with_401_and_nothing_is_committed(string? secret)
    {
        await StartBotAsync();

        using var response = await PostAsync(TextUpdate(1, "halo"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _sink.Calls);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"text":"x"}}""")]
    [InlineData("[]")]
    public async Task A_body_that_is_not_an_update_is_refused_with_400(string body)
    {
        await StartBotAsync();

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _sink.Calls);
    }

    [Fact]
    public async Task With_the_right_secret_the_update_is_committed_before_the_200()
    {
        await StartBotAsync();

        using var response = await PostAsync(TextUpdate(804512377, "Kopi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(_sink.Accepted);
        Assert.Equal(("804512377", "Kopi", "5123456789"), (message.ExternalId, message.Text, message.Address));
    }

    [Fact]
    public async Task When_the_store_fails_telegram_gets_500_and_its_redelivery_is_committed_once()
    {
        await StartBotAsync();
        _sink.FailuresToThrow = 1;

        using var failed = await PostAsync(TextUpdate(7, "Madu"));
        using var retried = await PostAsync(TextUpdate(7, "Madu"));
        using var duplicate = await PostAsync(TextUpdate(7, "Madu"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], [retried.StatusCode, duplicate.StatusCode]);
        Assert.Single(_sink.Accepted);
    }

    [Fact]
    public async Task A_callback_query_is_answered_in_the_webhook_reply()
    {
        await StartBotAsync();
        var body = new JsonObject
        {
            ["update_id"] = 8,
            ["callback_query"] = new JsonObject
            {
                ["id"] = "4382", ["chat_instance"] = "1", ["data"] = "kopi",
                ["from"] = new JsonObject { ["id"] = 5123456789, ["is_bot"] = false, ["first_name"] = "Budi" },
            },
        };

        using var response = await PostAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("answerCallbackQuery", "4382"),
            ((string)answer["method"]!, (string)answer["callback_query_id"]!));
        Assert.Equal(InboundKind.Choice, Assert.Single(_sink.Accepted).Kind);
    }

    [Fact]
    public async Task In_polling_mode_the_webhook_endpoint_does_not_exist()
    {
        await StartBotAsync(mode: "Polling");

        using var response = await PostAsync(TextUpdate(1, "halo"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, _sink.Calls);
    }
}
