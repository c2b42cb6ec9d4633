using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;
using OvopBot.Tests.Fakes;
using static OvopBot.Tests.Fakes.WebhookPayloads;

namespace OvopBot.Tests.Channels.WhatsApp;

public sealed class WhatsAppWebhookTests : IAsyncLifetime
{
    private WhatsAppTestHost _host = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _host = await WhatsAppTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private DateTimeOffset Now => _host.Clock.GetUtcNow();

    [Fact]
    public async Task Verification_with_the_right_token_echoes_the_challenge_as_plain_text()
    {
        using var response = await _http.GetAsync(
            $"{_host.Webhook}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=fake-verify-token");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("unsubscribe", "fake-verify-token")]
    [InlineData("subscribe", "")]
    public async Task Verification_with_a_wrong_token_or_mode_is_forbidden(string mode, string token)
    {
        using var response = await _http.GetAsync(
            $"{_host.Webhook}?hub.mode={mode}&hub.challenge=42&hub.verify_token={token}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("42", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_signature_is_refused_and_nothing_is_handed_over()
    {
        using var response = await _host.Graph.PostWebhookAsync(_host.Webhook,
            Messages(Text("6281234567890", "wamid.A1", "halo", Now)), sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Inbound.Calls);
    }

    [Fact]
    public async Task A_post_signed_with_another_secret_is_refused_and_nothing_is_handed_over()
    {
        var body = Messages(Text("6281234567890", "wamid.A1", "halo", Now));
        var forged = WhatsAppWebhookSignature.Compute(Encoding.UTF8.GetBytes(body), "not-the-app-secret");

        using var response = await _host.Graph.PostWebhookAsync(_host.Webhook, body, forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Inbound.Calls);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        var signed = Messages(Text("6281234567890", "wamid.A1", "halo", Now));
        var signature = WhatsAppWebhookSignature.Compute(Encoding.UTF8.GetBytes(signed), _host.Graph.AppSecret);
        var tampered = signed.Replace("halo", "hala", StringComparison.Ordinal);

        using var response = await _host.Graph.PostWebhookAsync(_host.Webhook, tampered, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Inbound.Calls);
    }

    [Fact]
    public async Task An_upper_case_hex_signature_is_accepted_because_bytes_are_compared()
    {
        var body = Messages(Text("6281234567890", "wamid.A1", "halo", Now));
        var signature = WhatsAppWebhookSignature.Compute(Encoding.UTF8.GetBytes(body), _host.Graph.AppSecret);

        using var response = await _host.Graph.PostWebhookAsync(_host.Webhook, body,
            "sha256=" + signature["sha256=".Length..].ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_with_a_valid_signature_is_a_bad_request()
    {
        using var response = await _host.Graph.PostWebhookAsync(_host.Webhook, "{\"object\": \"whatsapp_busin");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Inbound.Calls);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_before_anything_is_parsed()
    {
        await using var host = await WhatsAppTestHost.StartAsync(new() { ["WhatsApp:MaxWebhookBodyBytes"] = "65536" });
        var big = Messages(Text("6281234567890", "wamid.BIG", new string('x', 70_000), host.Clock.GetUtcNow()));

        using var response = await host.Graph.PostWebhookAsync(host.Webhook, big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Inbound.Calls);
    }

    [Fact]
    public async Task A_replayed_webhook_hands_over_the_same_wamid_again_and_the_sink_keeps_one()
    {
        var body = Messages(Text("6281234567890", "wamid.REPLAY", "1", Now));

        using var first = await _host.Graph.PostWebhookAsync(_host.Webhook, body);
        using var second = await _host.Graph.PostWebhookAsync(_host.Webhook, body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var calls = _host.Inbound.Calls.ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal("wamid.REPLAY", Assert.Single(c).ExternalId));
        Assert.Single(_host.Inbound.Stored);
    }

    [Fact]
    public async Task When_the_sink_fails_the_webhook_is_not_acknowledged_so_Meta_delivers_it_again()
    {
        var body = Messages(Text("6281234567890", "wamid.RETRY", "Desa Oelnasi", Now));
        _host.Inbound.FailWith = new InvalidOperationException("database is locked");

        using var failed = await _host.Graph.PostWebhookAsync(_host.Webhook, body);
        _host.Inbound.FailWith = null;
        using var redelivered = await _host.Graph.PostWebhookAsync(_host.Webhook, body);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal("Desa Oelnasi", Assert.Single(_host.Inbound.Stored).Text);
    }

    [Fact]
    public async Task When_recording_statuses_fails_the_whole_batch_is_not_acknowledged()
    {
        _host.Statuses.FailWith = new InvalidOperationException("disk full");
        var body = Notification(Change([Text("6281234567890", "wamid.M", "2", Now)],
            [Status("wamid.OUT1", "delivered", Now)]));

        using var response = await _host.Graph.PostWebhookAsync(_host.Webhook, body);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task A_batch_of_50_messages_from_10_people_is_handed_over_whole_and_in_order()
    {
        var people = Enumerable.Range(0, 10).Select(i => $"62812000000{i:D2}").ToArray();
        var messages = Enumerable.Range(0, 50)
            .Select(n => Text(people[n % 10], $"wamid.B{n:D2}", $"jawaban {n / 10}", Now.AddSeconds(n)))
            .ToArray();
        // Two entries, with the messages spread over three changes, as Meta may batch them.
        var body = Entries(
            new JsonArray(Change(messages[..20], []), Change(messages[20..35], [])),
            new JsonArray(Change(messages[35..], [])));

        using var response = await _host.Graph.PostWebhookAsync(_host.Webhook, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var handed = Assert.Single(_host.Inbound.Calls);
        Assert.Equal(messages.Select(m => (string)m["id"]!), handed.Select(m => m.ExternalId));
        Assert.Equal(10, handed.Select(m => m.Address).Distinct().Count());
        foreach (var person in people)
        {
            Assert.Equal(["jawaban 0", "jawaban 1", "jawaban 2", "jawaban 3", "jawaban 4"],
                handed.Where(m => m.Address == person).Select(m => m.Text));
        }
    }

    [Fact]
    public async Task Statuses_are_recorded_with_their_error_and_never_move_backwards()
    {
        var body = Statuses(
            Status("wamid.OUT1", "read", Now),
            Status("wamid.OUT1", "delivered", Now),
            Status("wamid.OUT2", "sent", Now),
            Status("wamid.OUT2", "failed", Now, errorCode: 131047));

        using var response = await _host.Graph.PostWebhookAsync(_host.Webhook, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Inbound.Calls);
        Assert.Equal(4, _host.Statuses.Received.Count);
        Assert.Equal(DeliveryStatus.Read, _host.Statuses.Current["wamid.OUT1"]);
        Assert.Equal(DeliveryStatus.Failed, _host.Statuses.Current["wamid.OUT2"]);
        var failed = _host.Statuses.Received.Single(s => s.Status == DeliveryStatus.Failed);
        Assert.Equal(131047, failed.ErrorCode);
        Assert.Equal(SendFailureKind.OutsideWindow, failed.FailureKind);
        Assert.Equal("whatsapp", failed.Channel);
    }

    [Fact]
    public async Task Messages_for_another_business_number_are_not_handed_over()
    {
        var body = Notification(
            Change([Text("6281234567890", "wamid.OURS", "1", Now)], []),
            Change([Text("6281234567890", "wamid.THEIRS", "2", Now)], [], phoneNumberId: "999999999"));

        using var response = await _host.Graph.PostWebhookAsync(_host.Webhook, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("wamid.OURS", Assert.Single(Assert.Single(_host.Inbound.Calls)).ExternalId);
    }

    [Fact]
    public async Task Without_an_access_token_no_webhook_endpoint_exists()
    {
        await using var host = await WhatsAppTestHost.StartAsync(configured: false);

        using var response = await host.Graph.PostWebhookAsync(host.Webhook,
            Messages(Text("6281234567890", "wamid.X", "1", host.Clock.GetUtcNow())));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
