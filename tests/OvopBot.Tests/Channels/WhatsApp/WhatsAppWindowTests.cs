using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Tests.Channels.WhatsApp;

/// <summary>The 24-hour customer-service window: free-form inside, templates or holding outside.</summary>
public sealed class WhatsAppWindowTests : IAsyncLifetime
{
    private const string Person = "6281234567890";
    private WhatsAppTestHost _host = null!;
    private long _nextId;

    public async Task InitializeAsync()
    {
        _host = await WhatsAppTestHost.StartAsync(new()
        {
            ["WhatsApp:Templates:Reminder:Name"] = "ovop_pengingat",
            ["WhatsApp:Templates:Reminder:Language"] = "id",
        });
        _host.Graph.ApprovedTemplates.Add("ovop_pengingat");
        _host.Graph.ApprovedTemplates.Add("ovop_status");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<string> SendAsync(OutboundMessage message, OutboundKind kind = OutboundKind.Reply) =>
        _host.Sender.SendAsync(new OutboundEnvelope(++_nextId, Person, kind, message), CancellationToken.None);

    private List<JsonObject> Sent => [.. _host.Graph.Sent];

    [Fact]
    public async Task Outside_the_window_a_reminder_becomes_the_configured_template_with_the_text_as_parameter()
    {
        await _host.PersonWritesAsync(Person);
        _host.Clock.Advance(TimeSpan.FromHours(25));

        await SendAsync(new OutboundMessage { Text = "Pendaftaran desa belum selesai.\nBalas untuk lanjut." },
            OutboundKind.Reminder);

        Assert.Equal(1, _host.Graph.MessageRequests); // no free-form attempt first
        var template = Assert.Single(Sent)["template"]!;
        Assert.Equal("ovop_pengingat", (string?)template["name"]);
        Assert.Equal("id", (string?)template["language"]!["code"]);
        Assert.Equal("Pendaftaran desa belum selesai. Balas untuk lanjut.",
            (string?)template["components"]![0]!["parameters"]![0]!["text"]);
    }

    [Fact]
    public async Task Just_inside_the_window_a_reminder_is_sent_as_ordinary_text()
    {
        await _host.PersonWritesAsync(Person);
        _host.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(58));

        await SendAsync(new OutboundMessage { Text = "Pendaftaran desa belum selesai." }, OutboundKind.Reminder);

        Assert.Equal("text", (string?)Assert.Single(Sent)["type"]);
    }

    [Fact]
    public async Task Outside_the_window_the_envelopes_own_template_is_used_even_for_a_reply()
    {
        var message = new OutboundMessage
        {
            Text = "Status: terkirim",
            Template = new TemplateRef("ovop_status", "id", ["OVOP-2026-0042"]),
        };

        await SendAsync(message);

        var template = Assert.Single(Sent)["template"]!;
        Assert.Equal("ovop_status", (string?)template["name"]);
        Assert.Equal("OVOP-2026-0042", (string?)template["components"]![0]!["parameters"]![0]!["text"]);
    }

    [Fact]
    public async Task Outside_the_window_a_reply_without_template_is_held_and_nothing_is_attempted()
    {
        await _host.PersonWritesAsync(Person);
        _host.Clock.Advance(TimeSpan.FromHours(24));

        var failure = await Assert.ThrowsAsync<ChannelSendException>(
            () => SendAsync(new OutboundMessage { Text = "Terima kasih." }));

        Assert.Equal(SendFailureKind.OutsideWindow, failure.Kind);
        Assert.Equal(0, _host.Graph.MessageRequests);
    }

    [Fact]
    public async Task When_Meta_says_131047_although_our_window_is_open_a_broadcast_falls_back_to_the_template()
    {
        // Our store saw a message the platform does not count (e.g. clocks disagree): the fake refuses free-form.
        await _host.Inbound.AcceptAsync([Inbound(_host.Clock.GetUtcNow())], CancellationToken.None);

        await SendAsync(new OutboundMessage { Text = "Pelatihan pengemasan hari Senin." }, OutboundKind.Broadcast);

        Assert.Equal(2, _host.Graph.MessageRequests);
        Assert.Equal("ovop_pengingat", (string?)Assert.Single(Sent)["template"]!["name"]);
    }

    [Fact]
    public async Task When_Meta_says_131047_and_no_template_fits_the_reply_is_held()
    {
        await _host.Inbound.AcceptAsync([Inbound(_host.Clock.GetUtcNow())], CancellationToken.None);

        var failure = await Assert.ThrowsAsync<ChannelSendException>(
            () => SendAsync(new OutboundMessage { Text = "Terima kasih." }));

        Assert.Equal(SendFailureKind.OutsideWindow, failure.Kind);
        Assert.Empty(Sent);
    }

    private static InboundMessage Inbound(DateTimeOffset at) => new()
    {
        Channel = "whatsapp", Address = Person, ExternalId = "wamid.LOCAL", Kind = InboundKind.Text,
        ReceivedAt = at, Text = "halo",
    };
}
