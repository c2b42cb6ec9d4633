using Dapper;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;
using OvopBot.Storage;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Storage;

public sealed class CustomerWindowStoreTests
{
    private static InboundMessage WhatsApp(string from, string id, DateTimeOffset at, string channel = "whatsapp") => new()
    {
        Channel = channel, Address = from, ExternalId = id, Kind = InboundKind.Text, Text = "halo", ReceivedAt = at,
        Phone = "+" + from,
    };

    [Fact]
    public async Task A_person_who_never_wrote_has_no_window()
    {
        using var bot = new BotHarness();
        var window = new WhatsAppCustomerWindow(new CustomerWindowStore(bot.Database), Options.Create(new WhatsAppOptions()));

        Assert.Null(await window.LastInboundAtAsync("6281234567890", CancellationToken.None));
    }

    [Fact]
    public async Task The_window_opens_at_the_latest_inbound_message_even_when_an_older_one_arrives_late()
    {
        using var bot = new BotHarness();
        var t0 = bot.Time.GetUtcNow();
        var sink = bot.Get<IInboundSink>();
        await sink.AcceptAsync([WhatsApp("6281234567890", "wamid.A", t0)], CancellationToken.None);
        await sink.AcceptAsync([WhatsApp("6281234567890", "wamid.C", t0.AddHours(3))], CancellationToken.None);
        // Meta re-delivers an older message after a newer one: the window must not shrink.
        await sink.AcceptAsync([WhatsApp("6281234567890", "wamid.B", t0.AddHours(1))], CancellationToken.None);
        var window = new WhatsAppCustomerWindow(new CustomerWindowStore(bot.Database), Options.Create(new WhatsAppOptions()));

        Assert.Equal(t0.AddHours(3), await window.LastInboundAtAsync("6281234567890", CancellationToken.None));
        Assert.Equal(t0.AddHours(3), await window.LastInboundAtAsync("+6281234567890", CancellationToken.None));
    }

    [Fact]
    public async Task Messages_on_another_channel_from_the_same_address_do_not_open_the_WhatsApp_window()
    {
        using var bot = new BotHarness();
        await bot.Get<IInboundSink>().AcceptAsync([WhatsApp("6281234567890", "1", bot.Time.GetUtcNow(), "telegram")],
            CancellationToken.None);
        var window = new WhatsAppCustomerWindow(new CustomerWindowStore(bot.Database), Options.Create(new WhatsAppOptions()));

        Assert.Null(await window.LastInboundAtAsync("6281234567890", CancellationToken.None));
    }

    [Fact]
    public void The_window_lookup_reads_one_contact_through_an_index()
    {
        using var bot = new BotHarness();
        using var connection = bot.Database.Open();

        var plan = string.Join("\n", connection.Query("EXPLAIN QUERY PLAN " + CustomerWindowStore.Sql,
            new { channel = "whatsapp", address = "6281234567890" }).Select(r => (string)r.detail));

        Assert.Contains("USING INDEX", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN", plan, StringComparison.Ordinal);
    }
}
