using System.Globalization;
using System.Net;
using System.Text;
using OvopBot.Channels.Telegram;
using OvopBot.Tests.Fakes;

namespace OvopBot.Tests.Channels.Telegram.EndToEnd;

public sealed class TelegramFailureEndToEndTests
{
    private const string BadGateway = "<html><body>502 Bad Gateway</body></html>";
    private const string Secret = "ovop_Webhook-secret_1";

    [Fact]
    public async Task Updates_delivered_again_after_a_crash_before_the_offset_was_stored_are_processed_once()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        await using var service = new TelegramService(fake);
        // A long poll that outlasts the test, so the updates pushed below ride on the first getUpdates.
        await service.StartAsync("--Telegram:PollTimeoutSeconds", "30");
        await fake.WaitForCallsAsync("getUpdates");
        // From now on the confirming getUpdates never reaches Telegram: the updates stay pending there.
        fake.FailNext("getUpdates", 502, BadGateway, times: 10_000);
        fake.PushText(1, "halo");
        fake.PushText(2, "halo");
        await fake.WaitUntilAsync(s => s.SentTo(1).Count == 1 && s.SentTo(2).Count == 1);
        await service.StopAsync();
        Assert.Equal(2, fake.PendingUpdateIds.Count);
        // The crash came after the commit but before the offset was written.
        await service.QueryOneAsync<long>("DELETE FROM channel_state WHERE key = @key RETURNING 1",
            new { key = TelegramPollingService.OffsetKey });

        fake.ClearFailures("getUpdates");
        await service.StartAsync();
        await fake.WaitUntilAsync(s => s.PendingUpdateIds.Count == 0);
        await service.StopAsync();

        Assert.Equal(2L, await service.QueryOneAsync<long>("SELECT count(*) FROM inbound_messages"));
        Assert.Equal(2L, await service.QueryOneAsync<long>("SELECT count(*) FROM outbound_messages"));
        Assert.Single(fake.SentTo(1));
        Assert.Single(fake.SentTo(2));
    }

    [Fact]
    public async Task In_a_429_storm_every_reply_goes_out_once_and_the_waits_cost_no_attempts()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        await using var service = new TelegramService(fake);
        await service.StartAsync();
        fake.FailNext("sendMessage", 429,
            """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""",
            times: 6);
        for (var chat = 1; chat <= 5; chat++)
        {
            fake.PushText(chat, "halo");
        }

        await fake.WaitUntilAsync(s => Enumerable.Range(1, 5).All(c => s.SentTo(c).Count >= 1));
        await service.StopAsync();

        Assert.All(Enumerable.Range(1, 5), c => Assert.Single(fake.SentTo(c)));
        Assert.Equal(11, fake.CallsOf("sendMessage").Count);
        Assert.Equal("5|5", await service.QueryOneAsync<string>(
            "SELECT sum(status = 'sent') || '|' || sum(attempts) FROM outbound_messages"));
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_marked_unreachable_and_their_replies_fail_without_retry()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.Block(66);
        await using var service = new TelegramService(fake);
        await service.StartAsync();

        fake.PushText(66, "halo");
        fake.PushText(67, "halo");
        await service.WaitForDatabaseAsync(
            "SELECT count(*) FROM outbound_messages WHERE status = 'failed' AND address = '66'", 1);
        await fake.WaitUntilAsync(s => s.SentTo(67).Count == 1);
        await service.StopAsync();

        Assert.Equal(0L, await service.QueryOneAsync<long>("SELECT reachable FROM contacts WHERE address = '66'"));
        Assert.Equal(1L, await service.QueryOneAsync<long>("SELECT reachable FROM contacts WHERE address = '67'"));
        Assert.Single(fake.CallsOf("sendMessage"), c => c.Parameters["chat_id"]!.ToString() == "66");
        Assert.Contains("blocked", await service.QueryOneAsync<string>(
            "SELECT last_error FROM outbound_messages WHERE address = '66'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_webhook_mode_a_wrong_secret_is_refused_and_stores_nothing_and_the_right_one_gets_a_reply()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.AddChat(55);
        await using var service = new TelegramService(fake);
        await service.StartAsync("--Telegram:Mode", "Webhook",
            "--Telegram:WebhookUrl", "https://bot.example.org/webhooks/telegram", "--Telegram:WebhookSecret", Secret);
        await fake.WaitUntilAsync(s => s.WebhookSecret == Secret);
        using var http = new HttpClient();

        using (var refused = await PostAsync(http, service, 804512377, "halo", "wrong-secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Equal(0L, await service.QueryOneAsync<long>("SELECT count(*) FROM inbound_messages"));

        using (var accepted = await PostAsync(http, service, 804512377, "halo", Secret))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await fake.WaitUntilAsync(s => s.SentTo(55).Count == 1);
        Assert.Equal(1L, await service.QueryOneAsync<long>("SELECT count(*) FROM inbound_messages"));
        Assert.Empty(fake.CallsOf("getUpdates"));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, TelegramService service, long updateId,
        string text, string secret)
    {
        var id = updateId.ToString(CultureInfo.InvariantCulture);
        var body = $$$"""
            {"update_id":{{{id}}},"message":{"message_id":1,"date":1767225600,
             "from":{"id":55,"is_bot":false,"first_name":"Budi"},"chat":{"id":55,"type":"private","first_name":"Budi"},
             "text":"{{{text}}}"}}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, service.BaseUrl + TelegramWebhookEndpoint.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        return await http.SendAsync(request);
    }
}
