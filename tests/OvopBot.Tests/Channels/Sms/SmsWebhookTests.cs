using System.Net;
using System.Text.Json.Nodes;
using static OvopBot.Tests.Channels.Sms.SmsService;

namespace OvopBot.Tests.Channels.Sms;

/// <summary>
/// /webhooks/sms against what a phone (or an attacker) may post: signatures, replays, duplicates, unknown events,
/// odd senders, a very long SMS; and the outbox against the gateway's delivery events, 503 and 409.
/// </summary>
public sealed class SmsWebhookTests : IAsyncLifetime
{
    private const string Person = "+6281234567890";
    private SmsService _service = null!;

    public async Task InitializeAsync() => _service = await SmsService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private long Inbound => _service.Count("SELECT count(*) FROM inbound_messages");

    [Fact]
    public async Task Unsigned_wrongly_signed_and_stale_webhooks_are_refused_401_and_store_nothing()
    {
        var gateway = _service.Gateway;
        var body = gateway.Received(Person, "halo");

        using var unsigned = await gateway.PostEventAsync("sms:received", body, sign: false);
        using var wrong = await gateway.PostEventAsync("sms:received", body, signature: new string('a', 64));
        // Signed with another key: right shape, wrong secret.
        using var otherKey = await gateway.PostEventAsync("sms:received", body,
            signature: gateway.Sign(body + "x", "1"));
        // A correct signature over a timestamp ten minutes old: a captured webhook replayed later.
        using var stale = await gateway.PostEventAsync("sms:received", body, signedAt: DateTimeOffset.UtcNow.AddMinutes(-10));
        // Body changed after signing.
        var tampered = body.Replace("halo", "STOP", StringComparison.Ordinal);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var changed = await gateway.PostEventAsync("sms:received", tampered, signature: gateway.Sign(body, timestamp));

        Assert.All(new[] { unsigned, wrong, otherKey, stale, changed },
            r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(0, Inbound);
        Assert.Empty(gateway.Sent);
    }

    [Fact]
    public async Task A_duplicate_webhook_is_acknowledged_and_answered_once_whether_retried_or_reported_twice()
    {
        var gateway = _service.Gateway;
        var at = DateTimeOffset.UtcNow;
        var first = await _service.TextAsync(Person, "halo");
        Assert.NotEmpty(first);
        var body = gateway.Received(Person, "halo again", at, eventId: "evtRETRY");
        using (var one = await gateway.PostEventAsync("sms:received", body))
        using (var retry = await gateway.PostEventAsync("sms:received", body))
        // The same SMS seen twice on the phone comes under a new event id.
        using (var twice = await gateway.PostEventAsync("sms:received", gateway.Received(Person, "halo again", at)))
        {
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        }

        await WaitUntilAsync(() => _service.Count("SELECT count(*) FROM inbound_messages WHERE processed_at IS NULL") == 0
                                   && _service.Count("SELECT count(*) FROM outbound_messages WHERE status = 'pending'") == 0,
            "the second message answered");
        Assert.Equal(2, Inbound);
        Assert.Equal(2, _service.Count("SELECT count(DISTINCT in_reply_to) FROM outbound_messages"));
    }

    [Fact]
    public async Task Unknown_events_get_200_and_are_not_retried_malformed_ones_400()
    {
        var gateway = _service.Gateway;
        var ping = gateway.Envelope("system:ping", null, new JsonObject { ["health"] = new JsonObject { ["status"] = "pass" } });
        // The app posts every event to the URL it was registered for; the fake posts this one to the received URL.
        using var unknown = await gateway.PostEventAsync("sms:received", ping);
        using var malformed = await gateway.PostEventAsync("sms:received", "{\"id\": \"x\", \"event\": \"sms:received\"");
        using var noPayload = await gateway.PostEventAsync("sms:received", "{\"id\":\"x\",\"event\":\"sms:received\"}");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noPayload.StatusCode);
        Assert.Equal(0, Inbound);
    }

    [Fact]
    public async Task A_local_form_number_is_the_same_person_as_its_E164_form_and_replies_go_to_E164()
    {
        await _service.TextAsync("0812-3456-7890", "halo", replyTo: Person);
        await _service.TextAsync(Person, "1");

        Assert.Equal(1, _service.Count("SELECT count(*) FROM contacts"));
        Assert.Equal(Person, _service.Single<string>("SELECT address FROM contacts"));
        Assert.All(_service.Gateway.Sent, s => Assert.Equal(Person, s.To));
    }

    [Fact]
    public async Task An_operator_notice_from_a_name_is_acknowledged_and_not_answered()
    {
        using var response = await _service.Gateway.ReceiveAsync("TELKOMSEL", "Sisa pulsa Anda Rp 1.500");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Inbound);
        Assert.Empty(_service.Gateway.Sent);
    }

    [Fact]
    public async Task A_ten_part_SMS_is_kept_whole_and_answered_with_SMS_of_at_most_three_parts()
    {
        await _service.TextAsync(Person, "halo");
        await _service.TextAsync(Person, "1");
        await _service.TextAsync(Person, "1");
        var story = string.Join(" ", Enumerable.Repeat("Nama saya Yohanes Nope dari Desa Oelnasi, kepala desa.", 27));
        Assert.InRange(story.Length, 1400, 1530);

        var replies = await _service.TextAsync(Person, story);

        Assert.Equal(story, _service.Single<string>("SELECT text FROM inbound_messages ORDER BY id DESC LIMIT 1"));
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.InRange(r.Parts, 1, 3));
    }

    [Fact]
    public async Task Delivery_events_move_the_outbox_row_forward_and_a_failure_records_the_phone_s_reason()
    {
        _service.Gateway.ReportDelivery = true;
        await _service.TextAsync(Person, "halo");
        await WaitUntilAsync(() => _service.Count("SELECT count(*) FROM outbound_messages WHERE status = 'delivered'") == 1,
            "delivered reported");

        _service.Gateway.ReportDelivery = false;
        var second = Assert.Single(await _service.TextAsync(Person, "1"));
        using var failed = await _service.Gateway.ReportAsync(second.Id, "sms:failed", "Send result: RESULT_ERROR_NO_SERVICE");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var (status, error) = _service.Single<(string, string)>(
            "SELECT status, last_error FROM outbound_messages ORDER BY id DESC LIMIT 1");
        Assert.Equal("failed", status);
        Assert.Contains("RESULT_ERROR_NO_SERVICE", error, StringComparison.Ordinal);
        // A late "delivered" for the first message changes nothing backwards; an event for an SMS not ours is ignored.
        using var unknown = await _service.Gateway.ReportAsync("someone-elses-id", "sms:delivered");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
    }

    [Fact]
    public async Task A_full_gateway_queue_503_pauses_sending_and_the_message_goes_later_exactly_once()
    {
        _service.Gateway.FailNext(503, retryAfterSeconds: 1);
        using (var response = await _service.Gateway.ReceiveAsync(Person, "halo"))
        {
            response.EnsureSuccessStatusCode();
        }

        await WaitUntilAsync(() => _service.Count("SELECT count(*) FROM outbound_messages WHERE status = 'sent'") == 1,
            "the reply sent after the pause");
        Assert.Single(_service.SentTo(Person));
        Assert.Equal(2, _service.Gateway.SendRequests);
        // The gateway's wait is not the message's fault: only the successful attempt counts.
        Assert.Equal(1, _service.Single<long>("SELECT attempts FROM outbound_messages"));
    }

    [Fact]
    public async Task A_send_whose_answer_was_lost_is_retried_under_the_same_id_and_409_means_it_was_sent()
    {
        _service.Gateway.LoseNextAnswer();
        using (var response = await _service.Gateway.ReceiveAsync(Person, "halo"))
        {
            response.EnsureSuccessStatusCode();
        }

        await WaitUntilAsync(() => _service.Count("SELECT count(*) FROM outbound_messages WHERE status = 'sent'") == 1,
            "the row marked sent after the 409");
        var sms = Assert.Single(_service.SentTo(Person));
        Assert.Equal(2, _service.Gateway.SendRequests);
        Assert.Equal(sms.Id, _service.Single<string>("SELECT platform_message_id FROM outbound_messages"));
        Assert.Equal(1, _service.Count("SELECT count(*) FROM sms_messages"));
    }
}
