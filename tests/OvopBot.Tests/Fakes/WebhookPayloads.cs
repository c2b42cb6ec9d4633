using System.Globalization;
using System.Text.Json.Nodes;

namespace OvopBot.Tests.Fakes;

/// <summary>Builds webhook bodies shaped like Meta's (see docs/protocols.md §2.4 and §2.8).</summary>
public static class WebhookPayloads
{
    public const string PhoneNumberId = "106540352242922";

    /// <summary>One entry with one change carrying these messages (and their senders' profiles).</summary>
    public static string Messages(params JsonObject[] messages) => Notification(Change(messages, []));

    public static string Statuses(params JsonObject[] statuses) => Notification(Change([], statuses));

    public static string Notification(params JsonObject[] changes) => Entries(new JsonArray(changes));

    public static string Entries(params JsonArray[] changesPerEntry) => new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(changesPerEntry.Select(changes => (JsonNode)new JsonObject
        {
            ["id"] = "301234567890123",
            ["changes"] = changes,
        }).ToArray()),
    }.ToJsonString();

    public static JsonObject Change(JsonObject[] messages, JsonObject[] statuses, string phoneNumberId = PhoneNumberId)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject
            {
                ["display_phone_number"] = "6281100000000",
                ["phone_number_id"] = phoneNumberId,
            },
        };
        if (messages.Length > 0)
        {
            value["contacts"] = new JsonArray(messages.Select(m => (string)m["from"]!).Distinct()
                .Select(from => (JsonNode)new JsonObject
                {
                    ["profile"] = new JsonObject { ["name"] = "Bapak " + from[^4..] },
                    ["wa_id"] = from,
                }).ToArray());
            value["messages"] = new JsonArray(messages.Select(m => (JsonNode)m.DeepClone()).ToArray());
        }

        if (statuses.Length > 0)
        {
            value["statuses"] = new JsonArray(statuses.Select(s => (JsonNode)s.DeepClone()).ToArray());
        }

        return new JsonObject { ["field"] = "messages", ["value"] = value };
    }

    public static JsonObject Text(string from, string id, string body, DateTimeOffset at) =>
        Message(from, id, at, "text", new JsonObject { ["body"] = body });

    public static JsonObject Message(string from, string id, DateTimeOffset at, string type, JsonObject? content)
    {
        var message = new JsonObject
        {
            ["from"] = from,
            ["id"] = id,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["type"] = type,
        };
        if (content is not null)
        {
            message[type] = content;
        }

        return message;
    }

    public static JsonObject Status(string wamid, string status, DateTimeOffset at, int? errorCode = null)
    {
        var s = new JsonObject
        {
            ["id"] = wamid,
            ["status"] = status,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = "6281234567890",
        };
        if (errorCode is { } code)
        {
            s["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code,
                ["title"] = "Re-engagement message",
                ["message"] = "Re-engagement message",
                ["error_data"] = new JsonObject { ["details"] = "More than 24 hours have passed." },
            });
        }

        return s;
    }

    /// <summary>The senders and times of the inbound messages in a body (the fake uses them for the window).</summary>
    public static IEnumerable<(string From, DateTimeOffset At)> InboundTimes(string payload)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(payload);
        }
        catch (System.Text.Json.JsonException)
        {
            yield break;
        }

        foreach (var entry in root?["entry"]?.AsArray() ?? [])
        {
            foreach (var change in entry?["changes"]?.AsArray() ?? [])
            {
                foreach (var message in change?["value"]?["messages"]?.AsArray() ?? [])
                {
                    if ((string?)message?["from"] is { } from
                        && long.TryParse((string?)message["timestamp"], CultureInfo.InvariantCulture, out var ts))
                    {
                        yield return (from, DateTimeOffset.FromUnixTimeSeconds(ts));
                    }
                }
            }
        }
    }
}
