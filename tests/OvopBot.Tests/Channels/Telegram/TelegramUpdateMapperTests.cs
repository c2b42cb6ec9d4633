using System.Text.Json;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram;
using OvopBot.Channels.Telegram.Api;
using OvopBot.Tests.Channels.Telegram.Support;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.Telegram;

public sealed class TelegramUpdateMapperTests
{
    private readonly ManualTimeProvider _clock = new();

    private InboundMessage? Map(string json) =>
        new TelegramUpdateMapper(_clock).Map(JsonSerializer.Deserialize<Update>(json, TelegramClient.Json)!);

    private static string Private(string body, long updateId = 804512377) => $$"""
        { "update_id": {{updateId}}, "message": { "message_id": 42,
          "from": { "id": 5123456789, "is_bot": false, "first_name": "Maria", "last_name": "Nahak", "language_code": "id" },
          "chat": { "id": 5123456789, "first_name": "Maria", "type": "private" },
          "date": 1767225600, {{body}} } }
        """;

    [Fact]
    public void A_text_message_becomes_text_with_the_chat_as_address_and_the_update_id_as_external_id()
    {
        var message = Map(Private("\"text\": \"Kopi Arabika\""))!;

        Assert.Equal(InboundKind.Text, message.Kind);
        Assert.Equal("Kopi Arabika", message.Text);
        Assert.Equal("telegram", message.Channel);
        Assert.Equal("5123456789", message.Address);
        Assert.Equal("804512377", message.ExternalId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), message.ReceivedAt);
        Assert.Equal("Maria Nahak", message.DisplayName);
    }

    [Fact]
    public void Start_with_a_deep_link_payload_is_a_command_keeping_the_payload()
    {
        var message = Map(Private("""
            "text": "/start inv_Q7mK2xP9aZ", "entities": [ { "offset": 0, "length": 6, "type": "bot_command" } ]
            """))!;

        Assert.Equal(InboundKind.Command, message.Kind);
        Assert.Equal("/start inv_Q7mK2xP9aZ", message.Text);
    }

    [Fact]
    public void A_command_addressed_to_the_bot_by_name_loses_the_bot_name()
    {
        var message = Map(Private("""
            "text": "/bantuan@ovop_ntt_bot sekarang", "entities": [ { "offset": 0, "length": 21, "type": "bot_command" } ]
            """))!;

        Assert.Equal(InboundKind.Command, message.Kind);
        Assert.Equal("/bantuan sekarang", message.Text);
    }

    [Fact]
    public void A_reply_keyboard_tap_arrives_as_the_numbered_button_text()
    {
        var message = Map(Private("\"text\": \"2. Tenun ikat\""))!;

        Assert.Equal(InboundKind.Text, message.Kind);
        Assert.Equal("2. Tenun ikat", message.Text);
    }

    [Fact]
    public void A_slash_without_a_command_word_is_plain_text()
    {
        var message = Map(Private("\"text\": \"/ 2 ton per bulan\""))!;

        Assert.Equal(InboundKind.Text, message.Kind);
    }

    [Fact]
    public void A_callback_query_becomes_a_choice_addressed_to_the_chat_of_its_message()
    {
        var message = Map("""
            { "update_id": 804512378, "callback_query": { "id": "2200417385123456789",
              "from": { "id": 5123456789, "is_bot": false, "first_name": "Maria" },
              "message": { "message_id": 43, "chat": { "id": 5123456789, "type": "private" }, "date": 1767225610 },
              "chat_instance": "-3581274012345678901", "data": "kopi" } }
            """)!;

        Assert.Equal(InboundKind.Choice, message.Kind);
        Assert.Equal("kopi", message.ChoiceId);
        Assert.Equal("5123456789", message.Address);
        Assert.Equal("804512378", message.ExternalId);
        Assert.Equal(_clock.GetUtcNow(), message.ReceivedAt);
    }

    [Fact]
    public void A_photo_refers_to_its_largest_size_and_keeps_the_caption()
    {
        var message = Map(Private("""
            "photo": [
              { "file_id": "mid", "file_unique_id": "b", "width": 320, "height": 240 },
              { "file_id": "large", "file_unique_id": "c", "width": 1280, "height": 960 },
              { "file_id": "small", "file_unique_id": "a", "width": 90, "height": 67 } ],
            "caption": "Madu hutan"
            """))!;

        Assert.Equal(InboundKind.Photo, message.Kind);
        Assert.Equal("large", message.MediaRef);
        Assert.Equal("Madu hutan", message.Text);
        Assert.Null(message.MediaPath);
    }

    [Fact]
    public void A_voice_note_refers_to_its_file()
    {
        var message = Map(Private("\"voice\": { \"file_id\": \"voice-1\", \"file_unique_id\": \"v\", \"duration\": 4 }"))!;

        Assert.Equal(InboundKind.Voice, message.Kind);
        Assert.Equal("voice-1", message.MediaRef);
    }

    [Fact]
    public void A_document_is_a_document_but_an_image_sent_as_file_is_a_photo()
    {
        var pdf = Map(Private("\"document\": { \"file_id\": \"doc-1\", \"mime_type\": \"application/pdf\" }"))!;
        var image = Map(Private("\"document\": { \"file_id\": \"doc-2\", \"mime_type\": \"image/jpeg\" }"))!;

        Assert.Equal((InboundKind.Document, "doc-1"), (pdf.Kind, pdf.MediaRef));
        Assert.Equal((InboundKind.Photo, "doc-2"), (image.Kind, image.MediaRef));
    }

    [Fact]
    public void A_location_carries_its_coordinates()
    {
        var message = Map(Private("\"location\": { \"latitude\": -10.1772, \"longitude\": 123.607 }"))!;

        Assert.Equal(InboundKind.Location, message.Kind);
        Assert.Equal(new GeoPoint(-10.1772, 123.607), message.Location);
    }

    [Fact]
    public void The_senders_own_contact_gives_a_vouched_phone_number_in_digits()
    {
        var message = Map(Private("""
            "contact": { "phone_number": "+62 812-3456-7890", "first_name": "Maria", "user_id": 5123456789 }
            """))!;

        Assert.Equal(InboundKind.Contact, message.Kind);
        Assert.Equal("6281234567890", message.Phone);
    }

    [Fact]
    public void Someone_elses_contact_is_not_taken_as_the_senders_phone()
    {
        var message = Map(Private("""
            "contact": { "phone_number": "6281299990000", "first_name": "Yosef", "user_id": 99 }
            """))!;

        Assert.Equal(InboundKind.Contact, message.Kind);
        Assert.Null(message.Phone);
        Assert.Equal("6281299990000", message.Text);
    }

    [Fact]
    public void An_edited_message_is_marked_edited_with_its_new_text()
    {
        var message = Map("""
            { "update_id": 9, "edited_message": { "message_id": 42, "date": 1767225600, "edit_date": 1767225700,
              "from": { "id": 77, "is_bot": false, "first_name": "Maria" },
              "chat": { "id": 77, "type": "private" }, "text": "Kopi Robusta" } }
            """)!;

        Assert.Equal(InboundKind.Edited, message.Kind);
        Assert.Equal("Kopi Robusta", message.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225700), message.ReceivedAt);
    }

    [Theory]
    [InlineData("\"sticker\": { \"file_id\": \"s\", \"file_unique_id\": \"u\", \"type\": \"regular\", \"width\": 512, \"height\": 512, \"is_animated\": false, \"is_video\": false }")]
    [InlineData("\"video\": { \"file_id\": \"v\", \"file_unique_id\": \"u\", \"width\": 1, \"height\": 1, \"duration\": 3 }")]
    [InlineData("\"dice\": { \"emoji\": \"🎲\", \"value\": 4 }")]
    public void Stickers_videos_and_other_unusable_content_are_unsupported(string body)
    {
        var message = Map(Private(body))!;

        Assert.Equal(InboundKind.Unsupported, message.Kind);
        Assert.Null(message.Text);
    }

    [Fact]
    public void A_service_note_in_a_private_chat_gets_no_message_at_all()
    {
        Assert.Null(Map(Private("\"chat_background_set\": { \"type\": { \"type\": \"fill\" } }")));
    }

    [Fact]
    public void Blocking_the_bot_is_reported_as_blocked_by_user()
    {
        var message = Map(Membership("member", "kicked"))!;

        Assert.Equal(InboundKind.BlockedByUser, message.Kind);
        Assert.Equal("5123456789", message.Address);
        Assert.Equal("804512380", message.ExternalId);
    }

    [Fact]
    public void Unblocking_the_bot_is_reported_as_unblocked_by_user()
    {
        Assert.Equal(InboundKind.UnblockedByUser, Map(Membership("kicked", "member"))!.Kind);
    }

    [Fact]
    public void Group_messages_and_messages_from_bots_are_not_for_the_conversation()
    {
        var group = Map("""
            { "update_id": 5, "message": { "message_id": 1, "date": 1, "text": "halo",
              "from": { "id": 1, "is_bot": false, "first_name": "A" }, "chat": { "id": -100123, "type": "supergroup" } } }
            """);
        var bot = Map("""
            { "update_id": 6, "message": { "message_id": 1, "date": 1, "text": "halo",
              "from": { "id": 2, "is_bot": true, "first_name": "B" }, "chat": { "id": 2, "type": "private" } } }
            """);

        Assert.Null(group);
        Assert.Null(bot);
    }

    private static string Membership(string oldStatus, string newStatus) => $$"""
        { "update_id": 804512380, "my_chat_member": {
            "chat": { "id": 5123456789, "first_name": "Maria", "type": "private" },
            "from": { "id": 5123456789, "is_bot": false, "first_name": "Maria" },
            "date": 1767226000,
            "old_chat_member": { "status": "{{oldStatus}}", "user": { "id": 7000000001, "is_bot": true, "first_name": "OVOP" } },
            "new_chat_member": { "status": "{{newStatus}}", "user": { "id": 7000000001, "is_bot": true, "first_name": "OVOP" } } } }
        """;
}
