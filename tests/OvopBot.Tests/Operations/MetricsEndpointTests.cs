using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Http;
using OvopBot.Operations;
using OvopBot.Tests.Channels.WhatsApp.EndToEnd;
using OvopBot.Tests.TestSupport;
using static OvopBot.Tests.Fakes.WebhookPayloads;

namespace OvopBot.Tests.Operations;

/// <summary>
/// <c>/metrics</c> of the real service after a real WhatsApp conversation through the fake Graph API: the counters
/// move, the database gauges see the outbox, and only this machine or a bearer of the token may read it. Alone: the
/// exporter listens to meters by name, process-wide, so another test's service running beside it adds its own samples.
/// </summary>
[Collection(nameof(MeasuredAlone))]
public sealed partial class MetricsEndpointTests
{
    private const string Person = "6281200000017";
    private const string Token = "FAKE-metrics-token-for-tests";

    [Fact]
    public async Task After_a_conversation_the_metrics_show_messages_latency_outbox_rate_limits_and_refused_webhooks()
    {
        await using var service = await WhatsAppService.StartAsync();
        await service.SayAsync(Person, id => Text(Person, id, "halo", DateTimeOffset.UtcNow));
        // The platform answers one send with its throughput limit; the outbox retries it.
        service.Graph.FailNext(130429, 400, "Rate limit hit");
        await service.SayAsync(Person, id => Text(Person, id, "ya", DateTimeOffset.UtcNow));
        using (var refused = await service.Graph.PostWebhookAsync(service.Webhook, "{}", signature: "sha256=00"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // A broadcast still being enqueued (the recovery at start has passed) and a reminder, as the database holds them.
        using (var connection = service.Database.Open())
        {
            var contact = connection.ExecuteScalar<long>("SELECT id FROM contacts WHERE address = @Person", new { Person });
            var broadcast = connection.ExecuteScalar<long>("""
                INSERT INTO broadcasts (author, target, region_code, text, status, created_at, status_at)
                VALUES ('cli:test', 'all', '53', 'Info', 'enqueuing', '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z') RETURNING id
                """);
            connection.Execute("""
                INSERT INTO outbound_messages (contact_id, channel, address, kind, text, payload_json, broadcast_id, status, next_attempt_at, created_at)
                VALUES (@contact, 'whatsapp', @Person, 2, 'Info', '{}', @broadcast, 'cancelled', '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')
                """, new { contact, Person, broadcast });
            connection.Execute("INSERT INTO reminders_sent (contact_id, idle_since, number, sent_at) VALUES (@contact, 'x', 1, 'y')", new { contact });
            // A dead letter, as the inbound guard leaves one when a message's retries ran out.
            connection.Execute("""
                INSERT INTO inbound_messages (channel, external_id, contact_id, kind, text, received_at, processed_at, failed_at, attempts, last_error)
                VALUES ('whatsapp', 'wamid.DEAD', @contact, 'Text', 'x', '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 3, 'boom')
                """, new { contact });
        }

        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(service.Address, OperationsServices.MetricsPath));

        Assert.True(Value(text, "ovopbot_messages_in_total", "channel=\"whatsapp\"") >= 2, text);
        Assert.True(Value(text, "ovopbot_conversation_step_duration_seconds_count", "channel=\"whatsapp\"") >= 2, text);
        Assert.True(Value(text, "ovopbot_outbox_rows", "channel=\"whatsapp\"", "kind=\"reply\"", "status=\"sent\"") >= 2, text);
        Assert.True(Value(text, "ovopbot_platform_rate_limited_total", "channel=\"whatsapp\"", "code=\"130429\"") >= 1, text);
        Assert.True(Value(text, "ovopbot_webhooks_refused_total", "channel=\"whatsapp\"", "status=\"401\"") >= 1, text);
        Assert.Equal(0, Value(text, "ovopbot_outbox_oldest_pending_age_seconds", "channel=\"whatsapp\""));
        Assert.Equal(0, Value(text, "ovopbot_inbound_unprocessed"));
        Assert.Equal(1, Value(text, "ovopbot_inbound_failed", "channel=\"whatsapp\""));
        Assert.Equal(1, Value(text, "ovopbot_broadcasts_in_progress"));
        Assert.Equal(1, Value(text, "ovopbot_broadcast_messages", "status=\"cancelled\""));
        Assert.Equal(1, Value(text, "ovopbot_outbox_rows", "channel=\"whatsapp\"", "kind=\"broadcast\"", "status=\"cancelled\""));
        Assert.Equal(1, Value(text, "ovopbot_reminders_sent_total", "number=\"1\""));
    }

    [Fact]
    public async Task From_outside_without_the_token_metrics_are_refused_and_with_it_served()
    {
        await using var service = await WhatsAppService.StartAsync("--Metrics:BearerToken", Token);
        using var http = new HttpClient();
        var metrics = new Uri(service.Address, OperationsServices.MetricsPath);

        // Through a reverse proxy on this machine a request arrives from loopback but carries a forwarding header.
        using var proxied = new HttpRequestMessage(HttpMethod.Get, metrics);
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var refused = await http.SendAsync(proxied);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, metrics);
        wrong.Headers.Add("X-Forwarded-For", "203.0.113.7");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        using var wrongAnswer = await http.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, metrics);
        bearer.Headers.Add("X-Forwarded-For", "203.0.113.7");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var served = await http.SendAsync(bearer);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("ovopbot_inbound_unprocessed", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // From this machine directly, no token is needed.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(metrics)).StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", null, null, true)]
    [InlineData("::1", null, null, true)]
    [InlineData("203.0.113.5", null, null, false)]
    [InlineData("10.0.0.8", null, null, false)]
    [InlineData("203.0.113.5", "Bearer " + Token, null, true)]
    [InlineData("203.0.113.5", "Bearer wrong", null, false)]
    [InlineData("203.0.113.5", "Basic " + Token, null, false)]
    [InlineData("127.0.0.1", null, "203.0.113.5", false)]
    [InlineData("127.0.0.1", "Bearer " + Token, "203.0.113.5", true)]
    public void Access_is_for_this_machine_or_the_token(string remote, string? authorization, string? forwardedFor, bool allowed)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        Assert.Equal(allowed, MetricsAccess.IsAllowed(context, new MetricsOptions { BearerToken = Token }));
    }

    [Fact]
    public void Without_a_configured_token_no_bearer_opens_the_door()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.5");
        context.Request.Headers.Authorization = "Bearer ";

        Assert.False(MetricsAccess.IsAllowed(context, new MetricsOptions()));
    }

    /// <summary>The value of the one sample of <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static double Value(string exposition, string name, params string[] labels)
    {
        var samples = exposition.Split('\n')
            .Select(line => SampleLine().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == name && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .ToList();
        Assert.True(samples.Count == 1, $"expected one sample of {name} {{{string.Join(",", labels)}}}, found {samples.Count} in\n{exposition}");
        return samples[0];
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)")]
    private static partial Regex SampleLine();
}
