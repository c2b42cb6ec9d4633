using OvopBot.Channels.Abstractions;

namespace OvopBot.Storage;

/// <summary>
/// Commits inbound messages (the <see cref="IInboundSink"/> of every channel): creates the contact on first contact,
/// and inserts each message unless its (channel, external id) is already stored — which makes platform re-deliveries
/// and replays after a crash harmless. Then wakes the processor.
/// </summary>
public sealed class InboundStore(SqliteDatabase database, Signals signals) : IInboundSink
{
    public async Task<int> AcceptAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        var added = 0;
        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            foreach (var message in messages)
            {
                added += Insert(write, message) is null ? 0 : 1;
            }

            write.Commit();
        }

        if (added > 0)
        {
            signals.Inbound.Notify();
        }

        return added;
    }

    /// <summary>Inserts one message inside an open transaction; returns it as stored, or null for a re-delivery.</summary>
    public static StoredInbound? Insert(WriteTransaction write, InboundMessage message)
    {
        var received = DbTime.Write(message.ReceivedAt);
        var phone = VouchedPhone(message);
        var contactId = (long)write.Prepared(
            """
            INSERT INTO contacts (channel, address, display_name, phone, created_at, last_inbound_at)
            VALUES (@Channel, @Address, @DisplayName, @Phone, @received, @received)
            ON CONFLICT (channel, address) DO UPDATE SET
                display_name = coalesce(excluded.display_name, contacts.display_name),
                phone = coalesce(excluded.phone, contacts.phone),
                last_inbound_at = max(coalesce(contacts.last_inbound_at, ''), excluded.last_inbound_at)
            RETURNING id
            """,
            ("@Channel", message.Channel), ("@Address", message.Address), ("@DisplayName", message.DisplayName), ("@Phone", phone),
            ("@received", received)).ExecuteScalar()!;
        if (phone is not null)
        {
            // Contacts vouched for the same number are one person: their session continues on this channel.
            People.PersonLinks.JoinByPhone(write, contactId, phone);
        }

        var id = write.Prepared(
            """
            INSERT INTO inbound_messages (channel, external_id, contact_id, kind, text, choice_id, media_ref, media_path,
                                          latitude, longitude, phone, received_at, reply_to)
            VALUES (@Channel, @ExternalId, @contactId, @kind, @Text, @ChoiceId, @MediaRef, @MediaPath,
                    @latitude, @longitude, @Phone, @received, @ReplyToPlatformId)
            ON CONFLICT (channel, external_id) DO NOTHING
            RETURNING id
            """,
            ("@Channel", message.Channel), ("@ExternalId", message.ExternalId), ("@contactId", contactId), ("@kind", message.Kind.ToString()),
            ("@Text", message.Text), ("@ChoiceId", message.ChoiceId), ("@MediaRef", message.MediaRef), ("@MediaPath", message.MediaPath),
            ("@latitude", Finite(message.Location?.Latitude)), ("@longitude", Finite(message.Location?.Longitude)), ("@Phone", message.Phone),
            ("@received", received), ("@ReplyToPlatformId", message.ReplyToPlatformId)).ExecuteScalar();
        return id is long stored ? new StoredInbound(stored, contactId, message, Processed: false) : null;
    }

    // SQLite cannot hold NaN, and no place on earth is at infinity: such a coordinate is stored as missing.
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    // A shared contact card may be anyone's number; only a platform-given sender number identifies the contact, or
    // Telegram's own-contact button (its mapper sets Phone on a contact only when the card is the sender's own).
    // Stored in E.164, so the same number from two platforms compares equal.
    private static string? VouchedPhone(InboundMessage message)
    {
        if (message.Phone is not { Length: > 0 } phone || (message.Kind == InboundKind.Contact && message.Channel != "telegram"))
        {
            return null;
        }

        // Platforms give the number without "+" (6281…), sometimes in local form (0812…). Anything that is not one phone
        // number is not kept: a platform's field is not trusted to hold one (the fuzz run once stored 10,000 characters
        // here and showed them in DATA SAYA).
        return Understanding.PhoneParser.Normalize(phone.StartsWith('+') ? phone : "+" + phone) ?? Understanding.PhoneParser.Normalize(phone);
    }
}
