using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;
using OvopBot.Outbox;
using OvopBot.Storage;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Storage;

public sealed class DeliveryStatusStoreTests : IDisposable
{
    private const string Person = "6281234567890";
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private DeliveryStatusStore Store(string? reminderTemplate = "ovop_pengingat") => new(_bot.Database, _bot.Get<Signals>(),
        [new WhatsAppCustomerWindow(new CustomerWindowStore(_bot.Database),
            Options.Create(new WhatsAppOptions { Templates = { Reminder = { Name = reminderTemplate } } }))],
        _bot.Time, NullLogger<DeliveryStatusStore>.Instance);

    /// <summary>The person writes, the bot's reply is queued and "sent" with this platform id; returns the row id.</summary>
    private async Task<long> SentReplyAsync(string platformId, string from = Person)
    {
        await _bot.SendAsync(new InboundMessage
        {
            Channel = "whatsapp", Address = from, ExternalId = "in-" + platformId, Kind = InboundKind.Text,
            Text = "halo", ReceivedAt = _bot.Time.GetUtcNow(), Phone = "+" + from,
        });
        using var connection = _bot.Database.Open();
        var id = connection.ExecuteScalar<long>(
            "SELECT max(o.id) FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = @from",
            new { from });
        await _bot.Get<OutboxStore>().MarkSentAsync(id, platformId, _bot.Time.GetUtcNow(), CancellationToken.None);
        return id;
    }

    private static DeliveryStatusUpdate Update(string platformId, DeliveryStatus status, DateTimeOffset at,
        int? code = null) =>
        new("whatsapp", platformId, Person, status, at, code, code is null ? null : "fake error",
            status == DeliveryStatus.Failed ? WhatsAppErrorClassifier.Classify(code).Kind : null);

    private (string Status, string? StatusAt, string? Error) Row(long id)
    {
        using var connection = _bot.Database.Open();
        return connection.QuerySingle<(string, string?, string?)>(
            "SELECT status, status_at, last_error FROM outbound_messages WHERE id = @id", new { id });
    }

    private long Count(string sql)
    {
        using var connection = _bot.Database.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    [Fact]
    public async Task Delivered_and_read_are_recorded_with_the_platform_time()
    {
        var id = await SentReplyAsync("wamid.A");
        var at = _bot.Time.GetUtcNow().AddSeconds(5);

        await Store().RecordAsync([Update("wamid.A", DeliveryStatus.Delivered, at)], CancellationToken.None);
        Assert.Equal(("delivered", DbTime.Write(at), (string?)null), Row(id));

        await Store().RecordAsync([Update("wamid.A", DeliveryStatus.Read, at.AddSeconds(9))], CancellationToken.None);
        Assert.Equal(("read", DbTime.Write(at.AddSeconds(9)), (string?)null), Row(id));
    }

    [Fact]
    public async Task A_late_delivered_after_read_in_the_same_webhook_does_not_move_the_status_back()
    {
        var id = await SentReplyAsync("wamid.A");
        var at = _bot.Time.GetUtcNow();

        await Store().RecordAsync(
            [Update("wamid.A", DeliveryStatus.Read, at.AddSeconds(2)), Update("wamid.A", DeliveryStatus.Delivered, at.AddSeconds(1))],
            CancellationToken.None);

        Assert.Equal("read", Row(id).Status);
    }

    [Fact]
    public async Task A_failure_is_recorded_with_its_error_and_a_later_delivered_does_not_overwrite_it()
    {
        var id = await SentReplyAsync("wamid.A");
        var at = _bot.Time.GetUtcNow();

        await Store().RecordAsync([Update("wamid.A", DeliveryStatus.Failed, at, 131050)], CancellationToken.None);
        await Store().RecordAsync([Update("wamid.A", DeliveryStatus.Delivered, at.AddSeconds(1))], CancellationToken.None);

        var row = Row(id);
        Assert.Equal("failed", row.Status);
        Assert.Equal("131050 fake error", row.Error);
    }

    [Fact]
    public async Task Not_a_WhatsApp_user_marks_the_contact_unreachable_and_ends_their_pending_messages()
    {
        var id = await SentReplyAsync("wamid.A");
        await _bot.SendAsync(new InboundMessage
        {
            Channel = "whatsapp", Address = Person, ExternalId = "in-2", Kind = InboundKind.Text, Text = "ya",
            ReceivedAt = _bot.Time.GetUtcNow(), Phone = "+" + Person,
        });
        Assert.Equal(1, Count("SELECT count(*) FROM outbound_messages WHERE status = 'pending'"));

        await Store().RecordAsync([Update("wamid.A", DeliveryStatus.Failed, _bot.Time.GetUtcNow(), 131026)],
            CancellationToken.None);

        Assert.Equal("failed", Row(id).Status);
        Assert.Equal(0, Count("SELECT reachable FROM contacts WHERE address = '" + Person + "'"));
        Assert.Equal(0, Count("SELECT count(*) FROM outbound_messages WHERE status = 'pending'"));
    }

    [Fact]
    public async Task Outside_the_window_the_message_is_queued_again_once_as_a_reminder_for_the_template()
    {
        var id = await SentReplyAsync("wamid.A");
        var failed = Update("wamid.A", DeliveryStatus.Failed, _bot.Time.GetUtcNow(), 131047);

        await Store().RecordAsync([failed], CancellationToken.None);
        await Store().RecordAsync([failed], CancellationToken.None);

        Assert.Equal("failed", Row(id).Status);
        using var connection = _bot.Database.Open();
        var again = Assert.Single(connection.Query<(long Kind, string Status, string Text, long RequeuedFrom)>(
            "SELECT kind, status, text, requeued_from FROM outbound_messages WHERE requeued_from IS NOT NULL"));
        Assert.Equal((long)OutboundKind.Reminder, again.Kind);
        Assert.Equal("pending", again.Status);
        Assert.Equal(id, again.RequeuedFrom);
        Assert.Equal(connection.ExecuteScalar<string>("SELECT text FROM outbound_messages WHERE id = @id", new { id }),
            again.Text);
    }

    [Fact]
    public async Task Outside_the_window_with_no_template_configured_the_message_is_held()
    {
        var id = await SentReplyAsync("wamid.A");

        await Store(reminderTemplate: null).RecordAsync(
            [Update("wamid.A", DeliveryStatus.Failed, _bot.Time.GetUtcNow(), 131047)], CancellationToken.None);

        Assert.Equal("held", Row(id).Status);
        Assert.Equal(0, Count("SELECT count(*) FROM outbound_messages WHERE status = 'pending'"));
    }

    [Fact]
    public async Task A_replacement_refused_again_as_outside_the_window_is_held_instead_of_looping()
    {
        await SentReplyAsync("wamid.A");
        await Store().RecordAsync([Update("wamid.A", DeliveryStatus.Failed, _bot.Time.GetUtcNow(), 131047)],
            CancellationToken.None);
        var replacement = Count("SELECT id FROM outbound_messages WHERE requeued_from IS NOT NULL");
        await _bot.Get<OutboxStore>().MarkSentAsync(replacement, "wamid.B", _bot.Time.GetUtcNow(), CancellationToken.None);

        await Store().RecordAsync([Update("wamid.B", DeliveryStatus.Failed, _bot.Time.GetUtcNow(), 131047)],
            CancellationToken.None);

        Assert.Equal("held", Row(replacement).Status);
        Assert.Equal(1, Count("SELECT count(*) FROM outbound_messages WHERE requeued_from IS NOT NULL"));
    }

    [Fact]
    public async Task A_status_for_a_later_part_of_a_message_sent_in_parts_finds_its_row()
    {
        var id = await SentReplyAsync("wamid.P1,wamid.P2");

        await Store().RecordAsync([Update("wamid.P2", DeliveryStatus.Delivered, _bot.Time.GetUtcNow())],
            CancellationToken.None);

        Assert.Equal("delivered", Row(id).Status);
    }

    [Fact]
    public async Task A_status_for_a_message_this_database_never_sent_changes_nothing()
    {
        var id = await SentReplyAsync("wamid.A");

        await Store().RecordAsync([Update("wamid.OTHER", DeliveryStatus.Failed, _bot.Time.GetUtcNow(), 131026)],
            CancellationToken.None);

        Assert.Equal("sent", Row(id).Status);
        Assert.Equal(1, Count("SELECT reachable FROM contacts"));
    }

    [Fact]
    public void Finding_a_message_by_its_platform_id_uses_an_index()
    {
        using var connection = _bot.Database.Open();

        var plan = string.Join("\n", connection.Query(
            "EXPLAIN QUERY PLAN SELECT id FROM outbound_messages WHERE platform_message_id = @id AND channel = 'whatsapp'",
            new { id = "wamid.A" }).Select(r => (string)r.detail));
        var parts = string.Join("\n", connection.Query(
            "EXPLAIN QUERY PLAN SELECT id FROM outbound_messages WHERE instr(platform_message_id, ',') > 0 " +
            "AND channel = 'whatsapp' AND instr(',' || platform_message_id || ',', ',' || @id || ',') > 0",
            new { id = "wamid.A" }).Select(r => (string)r.detail));

        Assert.Contains("ix_outbound_platform_id", plan, StringComparison.Ordinal);
        Assert.Contains("ix_outbound_multipart", parts, StringComparison.Ordinal);
    }
}
