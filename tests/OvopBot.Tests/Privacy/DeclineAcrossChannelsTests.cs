using Dapper;
using OvopBot.Channels.Abstractions;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Privacy;

/// <summary>
/// Found by the fuzz benchmark: a person on two channels (linked by the phone number both platforms vouch for) who
/// declines from the second channel, after a draft was made from it, is answered, and the draft goes.
/// </summary>
public sealed class DeclineAcrossChannelsTests
{
    [Fact]
    public async Task Declining_from_the_linked_channel_that_made_the_draft_forgets_it_instead_of_failing()
    {
        using var bot = new BotHarness();
        var n = 0;
        Task<IReadOnlyList<string>> Say(string channel, string address, string text) => bot.SendAsync(new InboundMessage
        {
            Channel = channel, Address = address, ExternalId = $"m{++n}", Kind = InboundKind.Text, Text = text,
            Phone = "+6281234500088", ReceivedAt = bot.Time.GetUtcNow(),
        });

        await Say("whatsapp", "6281234500088", "halo");
        // The SMS contact joins the person by the same number and answers from there: the draft is made by it.
        await Say("sms", "+6281234500088", "ya");
        await Say("sms", "+6281234500088", "Oelnasi");
        await Say("sms", "+6281234500088", "1");
        await Say("sms", "+6281234500088", "ULANG");
        await Say("sms", "+6281234500088", "ya");

        var replies = await Say("sms", "+6281234500088", "tidak");

        Assert.NotEmpty(replies);
        using var connection = bot.Database.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM submissions"));
        Assert.Equal("Declined", connection.ExecuteScalar<string>("SELECT status FROM sessions"));
    }
}
