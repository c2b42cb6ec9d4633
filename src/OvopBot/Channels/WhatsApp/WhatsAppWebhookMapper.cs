using System.Text.Json;
using OvopBot.Channels.Abstractions;
using static OvopBot.Channels.WhatsApp.WhatsAppJson;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// Turns a webhook payload (entries × changes × messages and statuses) into <see cref="InboundMessage"/>s and
/// <see cref="DeliveryStatusUpdate"/>s. Pure: no I/O, no clock (the fallback time is passed in). Tolerant: parts it
/// cannot use are skipped with a note instead of failing the whole batch, because Meta would re-deliver a rejected
/// batch for seven days.
/// </summary>
public static class WhatsAppWebhookMapper
{
    public const string Channel = "whatsapp";

    /// <summary>Maps a parsed payload; changes for another phone number id than <paramref name="phoneNumberId"/> are skipped.</summary>
    public static WhatsAppWebhookBatch Map(JsonElement root, string? phoneNumberId, DateTimeOffset now)
    {
        var messages = new List<InboundMessage>();
        var statuses = new List<DeliveryStatusUpdate>();
        var ignored = new List<string>();
        if (root.ValueKind != JsonValueKind.Object || Str(root, "object") != "whatsapp_business_account")
        {
            ignored.Add("payload is not a whatsapp_business_account notification");
            return new WhatsAppWebhookBatch(messages, statuses, ignored);
        }

        foreach (var entry in Items(root, "entry"))
        {
            foreach (var change in Items(entry, "changes"))
            {
                if (Str(change, "field") != "messages" || !change.TryGetProperty("value", out var value))
                {
                    ignored.Add($"change of field '{Str(change, "field")}'");
                    continue;
                }

                var target = value.TryGetProperty("metadata", out var meta) ? Str(meta, "phone_number_id") : null;
                if (phoneNumberId is not null && target is not null && target != phoneNumberId)
                {
                    ignored.Add($"change for phone number id {target}");
                    continue;
                }

                foreach (var error in Items(value, "errors"))
                {
                    ignored.Add($"platform error {Num(error, "code")}: {Str(error, "title")}");
                }

                var names = ProfileNames(value);
                foreach (var message in Items(value, "messages"))
                {
                    if (Isolated(() => MapMessage(message, names, now), ignored) is { } mapped)
                    {
                        messages.Add(mapped);
                    }
                    else
                    {
                        ignored.Add($"message {Str(message, "id") ?? "without id"} of type '{Str(message, "type")}'");
                    }
                }

                foreach (var status in Items(value, "statuses"))
                {
                    if (Isolated(() => MapStatus(status, now), ignored) is { } mapped)
                    {
                        statuses.Add(mapped);
                    }
                    else
                    {
                        ignored.Add($"status '{Str(status, "status")}' of {Str(status, "id") ?? "no id"}");
                    }
                }
            }
        }

        return new WhatsAppWebhookBatch(messages, statuses, ignored);
    }

    // One entry that breaks the mapper must not lose the others of its batch (nor make Meta re-send the whole batch
    // for days): it is noted and skipped.
    private static T? Isolated<T>(Func<T?> map, List<string> ignored) where T : class
    {
        try
        {
            return map();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            ignored.Add($"an entry that could not be read ({e.GetType().Name})");
            return null;
        }
    }

    private static InboundMessage? MapMessage(JsonElement m, Dictionary<string, string> names, DateTimeOffset now)
    {
        var from = Str(m, "from");
        var id = Str(m, "id");
        var type = Str(m, "type");
        // "system" notices (the person changed number) are not something they said; nothing to answer.
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(id) || type == "system")
        {
            return null;
        }

        var message = new InboundMessage
        {
            Channel = Channel,
            Address = from,
            ExternalId = id,
            Kind = InboundKind.Unsupported,
            ReceivedAt = Time(m, now),
            Phone = "+" + from,
            DisplayName = names.GetValueOrDefault(from),
            ReplyToPlatformId = Str(Obj(m, "context"), "id"), // the app's "Reply": the wamid of the message answered
        };
        var body = type is null ? default : Obj(m, type);
        return type switch
        {
            "text" => message with { Kind = InboundKind.Text, Text = Str(body, "body") },
            "interactive" => Interactive(message, body),
            "button" => message with { Kind = InboundKind.Choice, ChoiceId = Str(body, "payload"), Text = Str(body, "text") },
            "image" => Media(message, InboundKind.Photo, body),
            "audio" or "voice" => Media(message, InboundKind.Voice, body),
            "document" => Media(message, InboundKind.Document, body),
            "location" => Location(message, body),
            "contacts" => Contact(message, m),
            _ => message,
        };
    }

    private static InboundMessage Interactive(InboundMessage message, JsonElement body)
    {
        var reply = Str(body, "type") switch
        {
            "button_reply" => Obj(body, "button_reply"),
            "list_reply" => Obj(body, "list_reply"),
            _ => default,
        };
        var choice = Str(reply, "id");
        return choice is null
            ? message
            : message with { Kind = InboundKind.Choice, ChoiceId = choice, Text = Str(reply, "title") };
    }

    private static InboundMessage Media(InboundMessage message, InboundKind kind, JsonElement body)
    {
        var mediaId = Str(body, "id");
        return mediaId is null ? message : message with { Kind = kind, MediaRef = mediaId, Text = Str(body, "caption") };
    }

    private static InboundMessage Location(InboundMessage message, JsonElement body)
    {
        var lat = Dbl(body, "latitude");
        var lon = Dbl(body, "longitude");
        if (lat is not { } la || lon is not { } lo || !double.IsFinite(la) || !double.IsFinite(lo))
        {
            return message;
        }

        var label = string.Join(", ", new[] { Str(body, "name"), Str(body, "address") }.Where(s => !string.IsNullOrEmpty(s)));
        return message with
        {
            Kind = InboundKind.Location,
            Location = new GeoPoint(la, lo),
            Text = label.Length == 0 ? null : label,
        };
    }

    private static InboundMessage Contact(InboundMessage message, JsonElement m)
    {
        var card = Items(m, "contacts").FirstOrDefault();
        var phone = Items(card, "phones").FirstOrDefault();
        var waId = Str(phone, "wa_id");
        var number = waId is { Length: > 0 } ? "+" + waId : Str(phone, "phone");
        return message with
        {
            Kind = InboundKind.Contact,
            Phone = number,
            Text = Str(Obj(card, "name"), "formatted_name"),
        };
    }

    private static DeliveryStatusUpdate? MapStatus(JsonElement s, DateTimeOffset now)
    {
        var id = Str(s, "id");
        var status = DeliveryStatusOrder.Parse(Str(s, "status"));
        if (string.IsNullOrEmpty(id) || status is null)
        {
            return null;
        }

        var error = Items(s, "errors").FirstOrDefault();
        var code = (int?)Num(error, "code");
        var kind = status == DeliveryStatus.Failed ? WhatsAppErrorClassifier.Classify(code).Kind : (SendFailureKind?)null;
        return new DeliveryStatusUpdate(Channel, id, Str(s, "recipient_id") ?? "", status.Value, Time(s, now),
            code, Str(error, "title"), kind);
    }

    private static Dictionary<string, string> ProfileNames(JsonElement value)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var contact in Items(value, "contacts"))
        {
            if (Str(contact, "wa_id") is { } waId && Str(Obj(contact, "profile"), "name") is { Length: > 0 } name)
            {
                names[waId] = name;
            }
        }

        return names;
    }

    // A timestamp outside year 1970..9999 is not a real one (and would not fit a DateTimeOffset): it reads as missing.
    private static DateTimeOffset Time(JsonElement e, DateTimeOffset now) =>
        Num(e, "timestamp") is { } seconds and > 0 and <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : now;
}
