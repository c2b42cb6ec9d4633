using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;
using OvopBot.Outbox;
using OvopBot.Storage;
using OvopBot.Tests.Channels.WhatsApp.EndToEnd;

namespace OvopBot.Tests.Outbox;

/// <summary>
/// Replies to quiet people never queue behind a flooder's backlog: the store hands out at most one row per person
/// per take, the first in that person's order, so a flooder takes one place per take like everyone else.
/// </summary>
public sealed class OutboxFairnessTests
{
    private const int Backlog = 200;
    private const int Quiet = 20;

    [Fact]
    public async Task A_take_holds_one_row_per_person_so_quiet_replies_come_with_the_flooders_first()
    {
        await using var f = await OutboxPacingFixture.StartAsync();
        var flooder = new List<long>();
        for (var i = 0; i < Backlog; i++)
        {
            flooder.Add(await f.EnqueueAsync(1, $"balasan {i}"));
        }

        var quiet = new List<long>();
        for (var person = 0; person < Quiet; person++)
        {
            quiet.Add(await f.EnqueueAsync(100 + person, "balasan"));
        }

        var due = await f.Store.TakeDueAsync("telegram", f.Clock.GetUtcNow(), 100, CancellationToken.None);

        Assert.Equal([flooder[0], .. quiet], due.Select(e => e.Id));

        // Once the flooder's first is sent, the take offers their second, still one at a time and in order.
        await f.Store.MarkSentAsync(flooder[0], "m1", f.Clock.GetUtcNow(), CancellationToken.None);
        var next = await f.Store.TakeDueAsync("telegram", f.Clock.GetUtcNow(), 100, CancellationToken.None);
        Assert.Equal([flooder[1], .. quiet], next.Select(e => e.Id));
    }

    [Fact]
    public async Task A_persons_reply_goes_before_their_own_older_broadcast_and_their_broadcast_waits_for_it()
    {
        await using var f = await OutboxPacingFixture.StartAsync();
        var broadcast = await f.EnqueueAsync(1, "siaran", OutboundKind.Broadcast, broadcastId: 9);
        var reply = await f.EnqueueAsync(1, "balasan");
        var other = await f.EnqueueAsync(2, "siaran", OutboundKind.Broadcast, broadcastId: 9);

        var due = await f.Store.TakeDueAsync("telegram", f.Clock.GetUtcNow(), 100, CancellationToken.None);

        Assert.Equal([reply, other], due.Select(e => e.Id));
        await f.Store.MarkSentAsync(reply, "m1", f.Clock.GetUtcNow(), CancellationToken.None);
        var next = await f.Store.TakeDueAsync("telegram", f.Clock.GetUtcNow(), 100, CancellationToken.None);
        Assert.Equal([broadcast, other], next.Select(e => e.Id));
    }

    [Fact]
    public async Task Through_the_running_service_every_quiet_reply_goes_out_before_the_flooders_backlog_drains()
    {
        // No per-person spacing (it would step the flooder aside anyway): the store's order alone must be fair.
        await using var service = await WhatsAppService.StartAsync();
        var flooder = WaId(0);
        var quiet = Enumerable.Range(1, Quiet).Select(WaId).ToList();
        // All rows in one transaction, the flooder's 200 first (older): the outbox sees them at once.
        var now = DateTimeOffset.UtcNow;
        using (var write = await service.Database.BeginWriteAsync(CancellationToken.None))
        {
            var flooderId = Contact(write, flooder, now);
            for (var i = 0; i < Backlog; i++)
            {
                OutboxStore.Enqueue(write, flooderId, WhatsAppWebhookMapper.Channel, flooder, OutboundKind.Reply,
                    new OutboundMessage { Text = $"balasan {i}" }, now);
            }

            foreach (var person in quiet)
            {
                OutboxStore.Enqueue(write, Contact(write, person, now), WhatsAppWebhookMapper.Channel, person,
                    OutboundKind.Reply, new OutboundMessage { Text = "balasan untuk Bapak/Ibu" }, now);
            }

            write.Commit();
        }

        foreach (var person in quiet.Append(flooder))
        {
            service.Graph.RecordInbound(person, now);
        }

        service.Services.GetRequiredService<Signals>().Outbox(WhatsAppWebhookMapper.Channel).Notify();
        await WhatsAppService.WaitUntilAsync(() => service.Graph.Sent.Count == Backlog + Quiet, "everything sent");

        var order = service.Graph.Sent.Select(p => ((string)p["to"]!).TrimStart('+')).ToList();
        var lastQuiet = quiet.Max(person => order.IndexOf(person));
        Assert.InRange(lastQuiet, 0, (2 * (Quiet + 1)) - 1);
        // The flooder's own messages kept their order.
        var flooderTexts = service.SentTo(flooder).Select(WhatsAppService.TextOf);
        Assert.Equal(Enumerable.Range(0, Backlog).Select(i => $"balasan {i}"), flooderTexts);
        Assert.Equal(0, service.Graph.ThroughputRefusals);
    }

    private static string WaId(int person) => "62812" + person.ToString("D7", CultureInfo.InvariantCulture);

    private static long Contact(WriteTransaction write, string address, DateTimeOffset now) =>
        write.Connection.ExecuteScalar<long>(
            """
            INSERT INTO contacts (channel, address, created_at, last_inbound_at) VALUES ('whatsapp', @address, @now, @now)
            RETURNING id
            """,
            new { address, now = DbTime.Write(now) }, write.Transaction);
}
