using OvopBot.Roles;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.Telegram.EndToEnd;

/// <summary>
/// A facilitator answers a forwarded question with Telegram's "Reply" instead of typing BALAS: the reply is taken as
/// "BALAS id text", with its checks. The real service, its workers and outbox against the fake Bot API, whose updates
/// carry reply_to_message as Telegram's do.
/// </summary>
public sealed class TelegramHandoffReplyEndToEndTests
{
    private const long Head = 5123456790;
    private const long Facilitator = 5550002;

    [Fact]
    public async Task A_reply_to_the_forwarded_question_answers_it_after_the_same_checks_as_BALAS()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.PerChatPerSecond = 50;
        fake.AddChat(Facilitator); // the facilitator has started the bot before
        await using var service = new TelegramService(fake);
        await service.GrantBeforeStartAsync(Facilitator, StaffRole.Facilitator, "53.01.08");
        await service.StartAsync("--Telegram:PerChatMessagesPerSecond", "50");
        foreach (var line in new[] { "halo", "ya", "oelnasi", "1", "1", "Yohanes Nope", "PENDAMPING" })
        {
            await service.TurnAsync(Head, line);
        }

        await service.TurnAsync(Head, "Nomor HP kantor desa boleh?");
        await fake.WaitUntilAsync(s => s.SentTo(Facilitator).Any(m => m.Text?.Contains("Pertanyaan #1", StringComparison.Ordinal) == true));
        var forwarded = fake.SentTo(Facilitator).Single(m => m.Text!.Contains("Pertanyaan #1", StringComparison.Ordinal));
        var headBefore = fake.SentTo(Head).Count;

        // Too long for the person's screen: refused as BALAS would be, nothing sent to the person.
        Assert.Contains("terlalu panjang", Assert.Single(await service.TurnAsync(Facilitator, () => fake.PushReply(Facilitator, new string('x', 401), forwarded.MessageId))),
            StringComparison.Ordinal);
        var done = await service.TurnAsync(Facilitator, () => fake.PushReply(Facilitator, "Boleh, tulis nomor kantor desa.", forwarded.MessageId));

        Assert.Equal("Jawaban untuk pertanyaan #1 sudah dikirim.", Assert.Single(done));
        await fake.WaitUntilAsync(s => s.SentTo(Head).Count > headBefore);
        Assert.Equal("Jawaban pendamping:\nBoleh, tulis nomor kantor desa.", Assert.Single(fake.SentTo(Head).Skip(headBefore)).Text);
        Assert.Equal(1L, await service.QueryOneAsync<long>("SELECT count(*) FROM handoffs WHERE id = 1 AND answered_at IS NOT NULL"));

        // A reply to a message that was no forwarded question is an ordinary message, not an answer.
        var confirmation = fake.SentTo(Facilitator)[^1];
        var ordinary = await service.TurnAsync(Facilitator, () => fake.PushReply(Facilitator, "Terima kasih", confirmation.MessageId));
        Assert.DoesNotContain(ordinary, t => t.Contains("sudah dikirim", StringComparison.Ordinal));
        Assert.Equal(headBefore + 1, fake.SentTo(Head).Count);
        Assert.Equal(2L, await service.QueryOneAsync<long>("SELECT count(*) FROM inbound_messages WHERE reply_to IS NOT NULL AND reply_to = @id",
            new { id = forwarded.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }
}
