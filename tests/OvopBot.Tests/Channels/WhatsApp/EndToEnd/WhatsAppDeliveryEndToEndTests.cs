using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels.Abstractions;
using OvopBot.Outbox;
using OvopBot.Storage;
using static OvopBot.Tests.Fakes.WebhookPayloads;

namespace OvopBot.Tests.Channels.WhatsApp.EndToEnd;

public sealed class WhatsAppDeliveryEndToEndTests : IAsyncLifetime
{
    private const string Person = "6281234567890";
    private WhatsAppService _service = null!;

    public async Task InitializeAsync() => _service = await WhatsAppService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private async Task PostStatusAsync(JsonObject status)
    {
        // The webhook answers 200 only after the statuses are committed, so no waiting is needed afterwards.
        using var response = await _service.Graph.PostWebhookAsync(_service.Webhook, Statuses(status));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_failed_status_is_recorded_on_the_sent_message_and_a_later_delivered_does_not_overwrite_it()
    {
        await _service.SayAsync(Person, id => Text(Person, id, "halo", Now));
        var (id, wamid) = _service.Single<(long, string)>(
            "SELECT id, platform_message_id FROM outbound_messages WHERE status = 'sent'");

        await PostStatusAsync(Status(wamid, "failed", Now, errorCode: 131050));
        await PostStatusAsync(Status(wamid, "delivered", Now.AddSeconds(1)));

        var (status, error) = _service.Single<(string, string)>(
            "SELECT status, last_error FROM outbound_messages WHERE id = @id", new { id });
        Assert.Equal("failed", status);
        Assert.StartsWith("131050", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivered_then_read_message_keeps_read_when_delivered_arrives_again()
    {
        await _service.SayAsync(Person, id => Text(Person, id, "halo", Now));
        var wamid = _service.Single<string>("SELECT platform_message_id FROM outbound_messages");

        await PostStatusAsync(Status(wamid, "delivered", Now));
        await PostStatusAsync(Status(wamid, "read", Now.AddSeconds(1)));
        await PostStatusAsync(Status(wamid, "delivered", Now));

        Assert.Equal("read", _service.Single<string>("SELECT status FROM outbound_messages"));
    }

    [Fact]
    public async Task A_reminder_outside_the_24_hour_window_is_sent_as_the_approved_template()
    {
        // The person last wrote 25 hours ago: the bot's reply to that is held, never attempted free-form.
        var old = Now.AddHours(-25);
        await _service.PostAsync(Text(Person, "wamid.OLD", "halo", old));
        await _service.WaitForTurnAsync(Person, "wamid.OLD");
        Assert.Equal("held", _service.Single<string>("SELECT status FROM outbound_messages"));
        Assert.Equal(0, _service.Graph.MessageRequests);

        long reminder;
        var database = _service.Services.GetRequiredService<SqliteDatabase>();
        using (var write = await database.BeginWriteAsync(CancellationToken.None))
        {
            var contact = _service.Single<long>("SELECT id FROM contacts WHERE address = @Person", new { Person });
            reminder = OutboxStore.Enqueue(write, contact, "whatsapp", Person, OutboundKind.Reminder,
                new OutboundMessage { Text = "Data desa belum selesai.\nKetik apa saja untuk lanjut." }, Now)!.Value;
            write.Commit();
        }

        _service.Services.GetRequiredService<Signals>().Outbox("whatsapp").Notify();
        await WhatsAppService.WaitUntilAsync(
            () => _service.Count("SELECT count(*) FROM outbound_messages WHERE id = @reminder AND status <> 'pending'",
                new { reminder }) == 1, "reminder sent");

        Assert.Equal("sent", _service.Single<string>("SELECT status FROM outbound_messages WHERE id = @reminder",
            new { reminder }));
        var sent = Assert.Single(_service.SentTo(Person));
        Assert.Equal("template", (string?)sent["type"]);
        Assert.Equal(WhatsAppService.ReminderTemplate, (string?)sent["template"]!["name"]);
        Assert.Contains("Data desa belum selesai.", WhatsAppService.TextOf(sent), StringComparison.Ordinal);
        Assert.Equal(1, _service.Graph.MessageRequests);
    }
}
