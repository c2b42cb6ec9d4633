using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OvopBot.Channels.Telegram;
using OvopBot.Channels.Telegram.Api;
using OvopBot.Tests.Channels.Telegram.Support;
using OvopBot.Tests.Fakes;

namespace OvopBot.Tests.Channels.Telegram;

public sealed class TelegramClientTests : IAsyncLifetime
{
    private FakeTelegramServer _server = null!;
    private TelegramTestClient _telegram = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync();
        _telegram = new TelegramTestClient(_server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _telegram.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_call_posts_snake_case_json_to_the_method_under_the_token_and_returns_the_result()
    {
        _server.AddChat(42);

        var sent = await _telegram.Client.CallAsync<SentMessage>("sendMessage",
            new SendMessageRequest { ChatId = 42, Text = "Halo" }, CancellationToken.None);

        var call = Assert.Single(_server.CallsOf("sendMessage"));
        Assert.Equal(FakeTelegramServer.Token, call.Token);
        Assert.Equal(42, (long)call.Parameters["chat_id"]!);
        Assert.Equal("Halo", (string)call.Parameters["text"]!);
        Assert.False(call.Parameters.ContainsKey("reply_markup"));
        Assert.Equal(1, sent.MessageId);
    }

    [Fact]
    public async Task A_refusal_becomes_an_api_exception_with_code_and_description()
    {
        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => _telegram.Client.CallAsync<SentMessage>(
            "sendMessage", new SendMessageRequest { ChatId = 404, Text = "Halo" }, CancellationToken.None));

        Assert.Equal(400, ex.ErrorCode);
        Assert.Equal("Bad Request: chat not found", ex.Description);
        Assert.Equal("sendMessage", ex.Method);
        Assert.Null(ex.RetryAfter);
    }

    [Fact]
    public async Task Flood_control_carries_retry_after_and_a_migrated_group_its_new_chat_id()
    {
        _server.FailNext("sendMessage", 429,
            """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}""");
        _server.MigrateChat(-100, -1001234);
        var request = new SendMessageRequest { ChatId = -100, Text = "Halo" };

        var flood = await Assert.ThrowsAsync<TelegramApiException>(
            () => _telegram.Client.CallAsync<SentMessage>("sendMessage", request, CancellationToken.None));
        var migrated = await Assert.ThrowsAsync<TelegramApiException>(
            () => _telegram.Client.CallAsync<SentMessage>("sendMessage", request, CancellationToken.None));

        Assert.Equal((429, TimeSpan.FromSeconds(7)), (flood.ErrorCode, flood.RetryAfter));
        Assert.Equal(-1001234, migrated.MigrateToChatId);
    }

    [Fact]
    public async Task An_answer_that_is_not_the_bot_api_envelope_is_a_request_failure_with_its_status()
    {
        _server.FailNext("getMe", 502, "<html><body>Bad Gateway</body></html>");

        var ex = await Assert.ThrowsAsync<TelegramRequestException>(
            () => _telegram.Client.CallAsync<User>("getMe", null, CancellationToken.None));

        Assert.IsNotType<TelegramApiException>(ex);
        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_request_failure_that_does_not_reveal_the_token()
    {
        using var telegram = new TelegramTestClient($"http://127.0.0.1:{FreePort()}");

        var ex = await Assert.ThrowsAsync<TelegramRequestException>(
            () => telegram.Client.CallAsync<User>("getMe", null, CancellationToken.None));

        Assert.Equal("getMe", ex.Method);
        Assert.DoesNotContain(FakeTelegramServer.Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_description_that_echoes_the_token_is_redacted()
    {
        _server.FailNext("getMe", 404,
            $$"""{"ok":false,"error_code":404,"description":"Not Found: /bot{{FakeTelegramServer.Token}}/getMe"}""");

        var ex = await Assert.ThrowsAsync<TelegramApiException>(
            () => _telegram.Client.CallAsync<User>("getMe", null, CancellationToken.None));

        Assert.DoesNotContain(FakeTelegramServer.Token, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("<redacted>", ex.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation_while_a_timeout_is_a_request_failure()
    {
        var poll = new GetUpdatesRequest { Timeout = 30 };
        using var cts = new CancellationTokenSource();
        var cancelled = _telegram.Client.CallAsync<JsonElement[]>("getUpdates", poll, cts.Token);
        await _server.WaitForCallsAsync("getUpdates");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var timedOut = await Assert.ThrowsAsync<TelegramRequestException>(() => _telegram.Client
            .CallAsync<JsonElement[]>("getUpdates", poll, TimeSpan.FromMilliseconds(100), CancellationToken.None));
        Assert.Contains("no answer in time", timedOut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_log_line_of_the_registered_client_contains_the_token()
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddTelegramChannel(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = FakeTelegramServer.Token,
                ["Telegram:ApiBaseUrl"] = _server.BaseUrl,
            }).Build());
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<TelegramClient>();

        await client.CallAsync<User>("getMe", null, CancellationToken.None);
        _server.FailNext("getMe", 500, "oops");
        await Assert.ThrowsAnyAsync<TelegramRequestException>(
            () => client.CallAsync<User>("getMe", null, CancellationToken.None));
        await Assert.ThrowsAnyAsync<TelegramRequestException>(() => client.CallAsync<SentMessage>(
            "sendMessage", new SendMessageRequest { ChatId = 1, Text = "x" }, CancellationToken.None));

        Assert.Equal(3, _server.Calls.Count);
        Assert.NotEmpty(logs.Lines);
        Assert.All(logs.Lines, line => Assert.DoesNotContain(FakeTelegramServer.Token, line, StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
