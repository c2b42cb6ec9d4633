using Dapper;
using OvopBot.Channels.Abstractions;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Storage;

/// <summary>
/// The phone number a platform vouches for (a Telegram contact shared with the phone button, the WhatsApp sender) is
/// stored on the contact only in a phone number's shape: the fuzz run once stored a 10,000-character "phone" from a
/// hostile contact message and DATA SAYA then showed it in one 10,071-character message.
/// </summary>
public sealed class VouchedPhoneTests : IDisposable
{
    private readonly BotHarness _bot = new();

    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("+61412345678", "+61412345678")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null)]
    [InlineData("+0000000", null)]
    [InlineData("+12345678901234567890", null)]
    public async Task A_shared_contact_keeps_only_a_number_in_phone_shape_and_DATA_SAYA_stays_within_500(string shared, string? stored)
    {
        await _bot.SendAsync(new InboundMessage
        {
            Channel = "telegram", Address = "77", ExternalId = "c-1", Kind = InboundKind.Contact, Phone = shared,
            ReceivedAt = _bot.Time.GetUtcNow(),
        });
        using (var connection = _bot.Database.Open())
        {
            Assert.Equal(stored, connection.ExecuteScalar<string?>("SELECT phone FROM contacts WHERE channel = 'telegram' AND address = '77'"));
        }

        foreach (var line in new[] { "halo", "ya", "DATA SAYA" })
        {
            var replies = await _bot.SendAsync(new InboundMessage
            {
                Channel = "telegram", Address = "77", ExternalId = "t-" + line, Kind = InboundKind.Text, Text = line,
                ReceivedAt = _bot.Time.GetUtcNow(),
            });
            Assert.All(replies, r => Assert.True(r.Length <= 500, $"{r.Length} characters"));
        }
    }

    public void Dispose() => _bot.Dispose();
}
