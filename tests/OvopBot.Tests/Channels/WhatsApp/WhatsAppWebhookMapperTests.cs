using System.Text.Json;
using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;
using static OvopBot.Tests.Fakes.WebhookPayloads;

namespace OvopBot.Tests.Channels.WhatsApp;

public sealed class WhatsAppWebhookMapperTests
{
    private const string From = "6281234567890";
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = At.AddMinutes(5);

    private static InboundMessage MapOne(string type, JsonObject? content)
    {
        var batch = Map(Messages(Message(From, "wamid.T1", At, type, content)));
        return Assert.Single(batch.Messages);
    }

    private static WhatsAppWebhookBatch Map(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return WhatsAppWebhookMapper.Map(doc.RootElement, PhoneNumberId, Now);
    }

    [Fact]
    public void A_text_becomes_text_with_address_phone_name_time_and_wamid()
    {
        var m = MapOne("text", new JsonObject { ["body"] = "Kopi Fatumnasi" });

        Assert.Equal(InboundKind.Text, m.Kind);
        Assert.Equal("Kopi Fatumnasi", m.Text);
        Assert.Equal("whatsapp", m.Channel);
        Assert.Equal(From, m.Address);
        Assert.Equal("+" + From, m.Phone);
        Assert.Equal("wamid.T1", m.ExternalId);
        Assert.Equal(At, m.ReceivedAt);
        Assert.Equal("Bapak 7890", m.DisplayName);
    }

    [Theory]
    [InlineData("button_reply")]
    [InlineData("list_reply")]
    public void A_tapped_button_or_list_row_becomes_a_choice_with_its_id_and_title(string kind)
    {
        var m = MapOne("interactive", new JsonObject
        {
            ["type"] = kind,
            [kind] = new JsonObject { ["id"] = "weaving", ["title"] = "5. Tenun ikat" },
        });

        Assert.Equal(InboundKind.Choice, m.Kind);
        Assert.Equal("weaving", m.ChoiceId);
        Assert.Equal("5. Tenun ikat", m.Text);
    }

    [Fact]
    public void A_template_quick_reply_becomes_a_choice_with_the_payload()
    {
        var m = MapOne("button", new JsonObject { ["payload"] = "CONTINUE", ["text"] = "Lanjutkan" });

        Assert.Equal(InboundKind.Choice, m.Kind);
        Assert.Equal("CONTINUE", m.ChoiceId);
        Assert.Equal("Lanjutkan", m.Text);
    }

    [Theory]
    [InlineData("image", InboundKind.Photo)]
    [InlineData("audio", InboundKind.Voice)]
    [InlineData("voice", InboundKind.Voice)]
    [InlineData("document", InboundKind.Document)]
    public void Media_keeps_the_media_id_as_reference_and_the_caption_as_text(string type, InboundKind kind)
    {
        var m = MapOne(type, new JsonObject
        {
            ["id"] = "1234567890123456",
            ["mime_type"] = "image/jpeg",
            ["sha256"] = "q3Jx0n4l5Qm2cY1mB8yq0mTt2m6R3bO2kqGm0qv1S0Y=",
            ["caption"] = "Madu hutan",
        });

        Assert.Equal(kind, m.Kind);
        Assert.Equal("1234567890123456", m.MediaRef);
        Assert.Equal("Madu hutan", m.Text);
        Assert.Null(m.MediaPath);
    }

    [Fact]
    public void A_voice_note_without_caption_has_no_text()
    {
        var m = MapOne("audio", new JsonObject { ["id"] = "99", ["mime_type"] = "audio/ogg; codecs=opus", ["voice"] = true });

        Assert.Equal(InboundKind.Voice, m.Kind);
        Assert.Null(m.Text);
    }

    [Fact]
    public void A_location_becomes_a_point_with_its_name_as_text()
    {
        var m = MapOne("location", new JsonObject
        {
            ["latitude"] = -10.1772,
            ["longitude"] = 123.6070,
            ["name"] = "Kantor Desa",
            ["address"] = "Oelnasi",
        });

        Assert.Equal(InboundKind.Location, m.Kind);
        Assert.Equal(new GeoPoint(-10.1772, 123.6070), m.Location);
        Assert.Equal("Kantor Desa, Oelnasi", m.Text);
    }

    [Fact]
    public void A_shared_contact_becomes_a_contact_with_the_first_number()
    {
        var card = new JsonObject
        {
            ["name"] = new JsonObject { ["formatted_name"] = "Yohanes Tefa", ["first_name"] = "Yohanes" },
            ["phones"] = new JsonArray(
                new JsonObject { ["phone"] = "+62 812-3000-1111", ["wa_id"] = "6281230001111", ["type"] = "CELL" },
                new JsonObject { ["phone"] = "+62 380 123456", ["type"] = "WORK" }),
        };
        var message = Message(From, "wamid.C1", At, "contacts", null);
        message["contacts"] = new JsonArray(card);

        var m = Assert.Single(Map(Messages(message)).Messages);

        Assert.Equal(InboundKind.Contact, m.Kind);
        Assert.Equal("+6281230001111", m.Phone);
        Assert.Equal("Yohanes Tefa", m.Text);
        Assert.Equal(From, m.Address);
    }

    [Theory]
    [InlineData("reaction")]
    [InlineData("sticker")]
    [InlineData("video")]
    [InlineData("order")]
    [InlineData("unsupported")]
    [InlineData("something_new")]
    public void Reactions_stickers_and_unknown_types_are_unsupported_but_still_handed_over(string type)
    {
        var m = MapOne(type, new JsonObject { ["emoji"] = "👍", ["message_id"] = "wamid.X", ["id"] = "5" });

        Assert.Equal(InboundKind.Unsupported, m.Kind);
        Assert.Equal("wamid.T1", m.ExternalId);
        Assert.Null(m.MediaRef);
    }

    [Fact]
    public void A_system_notice_is_not_something_the_person_said_and_is_skipped_with_a_note()
    {
        var batch = Map(Messages(Message(From, "wamid.S1", At, "system",
            new JsonObject { ["body"] = "User changed number", ["type"] = "user_changed_number" })));

        Assert.Empty(batch.Messages);
        Assert.Contains(batch.Ignored, n => n.Contains("wamid.S1", StringComparison.Ordinal));
    }

    [Fact]
    public void An_interactive_reply_of_an_unknown_kind_is_unsupported()
    {
        var m = MapOne("interactive", new JsonObject { ["type"] = "nfm_reply", ["nfm_reply"] = new JsonObject() });

        Assert.Equal(InboundKind.Unsupported, m.Kind);
    }

    [Fact]
    public void A_message_without_sender_or_id_is_skipped_rather_than_failing_the_batch()
    {
        var broken = Text(From, "wamid.OK", "1", At);
        var noId = Text(From, "x", "2", At);
        noId.Remove("id");

        var batch = Map(Messages(noId, broken));

        Assert.Equal("wamid.OK", Assert.Single(batch.Messages).ExternalId);
    }

    [Fact]
    public void A_missing_timestamp_falls_back_to_the_given_time()
    {
        var message = Text(From, "wamid.NT", "1", At);
        message.Remove("timestamp");

        Assert.Equal(Now, Assert.Single(Map(Messages(message)).Messages).ReceivedAt);
    }

    [Fact]
    public void Statuses_carry_wamid_recipient_time_and_the_failure_kind_of_their_error()
    {
        var batch = Map(Statuses(
            Status("wamid.O1", "delivered", At),
            Status("wamid.O2", "failed", At, errorCode: 131026),
            Status("wamid.O3", "deleted", At)));

        Assert.Equal(2, batch.Statuses.Count);
        var delivered = batch.Statuses[0];
        Assert.Equal(("wamid.O1", DeliveryStatus.Delivered, At, "6281234567890"),
            (delivered.PlatformMessageId, delivered.Status, delivered.At, delivered.Recipient));
        Assert.Null(delivered.ErrorCode);
        Assert.Null(delivered.FailureKind);
        Assert.Equal((131026, SendFailureKind.Unreachable), (batch.Statuses[1].ErrorCode, batch.Statuses[1].FailureKind));
        Assert.Contains(batch.Ignored, n => n.Contains("deleted", StringComparison.Ordinal));
    }

    [Fact]
    public void A_payload_that_is_not_a_business_account_notification_yields_nothing()
    {
        var batch = Map("""{"object":"page","entry":[{"id":"1","changes":[]}]}""");

        Assert.Empty(batch.Messages);
        Assert.Empty(batch.Statuses);
        Assert.Single(batch.Ignored);
    }
}
