using Microsoft.Extensions.DependencyInjection;
using OvopBot.Roles;
using static OvopBot.Tests.Fakes.WebhookPayloads;

namespace OvopBot.Tests.Channels.WhatsApp.EndToEnd;

/// <summary>
/// A facilitator answers a forwarded question with WhatsApp's "Reply" (the message carries context.id, the forward's
/// wamid) instead of typing BALAS: the real service, signed webhooks and messages to the fake Graph API.
/// </summary>
public sealed class WhatsAppHandoffReplyEndToEndTests
{
    private const string Head = "6281234567891";
    private const string Facilitator = "6281300000002";

    [Fact]
    public async Task A_reply_to_the_forwarded_question_answers_it()
    {
        await using var service = await WhatsAppService.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await service.Services.GetRequiredService<RoleStore>().GrantAsync(new ContactRef("whatsapp", Facilitator), StaffRole.Facilitator, "53.01.08", "test",
            CancellationToken.None, now);
        async Task<IReadOnlyList<string>> Say(string from, string text, string? replyTo = null) =>
            (await service.SayAsync(from, id =>
            {
                var message = Text(from, id, text, now);
                if (replyTo is not null)
                {
                    message["context"] = new System.Text.Json.Nodes.JsonObject { ["from"] = "15550001234", ["id"] = replyTo };
                }

                return message;
            })).Select(WhatsAppService.TextOf).ToList();

        await Say(Facilitator, "SIARAN"); // the facilitator has written before (their 24-hour window is open)
        await Say(Facilitator, "BATAL");
        foreach (var line in new[] { "halo", "ya", "oelnasi", "1", "1", "Yohanes Nope", "PENDAMPING", "Boleh pakai nomor kantor desa?" })
        {
            await Say(Head, line);
        }

        await WhatsAppService.WaitUntilAsync(() => service.Count(
            "SELECT count(*) FROM handoff_forwards f JOIN outbound_messages o ON o.id = f.outbound_id WHERE o.status = 'sent'") == 1, "the forward sent");
        var wamid = service.Single<string>("SELECT o.platform_message_id FROM handoff_forwards f JOIN outbound_messages o ON o.id = f.outbound_id");
        var headBefore = service.SentTo(Head).Count;

        Assert.Equal("Jawaban untuk pertanyaan #1 sudah dikirim.", Assert.Single(await Say(Facilitator, "Boleh.", replyTo: wamid)));
        await WhatsAppService.WaitUntilAsync(() => service.SentTo(Head).Count > headBefore, "the answer to the head");
        Assert.Equal("Jawaban pendamping:\nBoleh.", WhatsAppService.TextOf(Assert.Single(service.SentTo(Head).Skip(headBefore))));
    }
}
