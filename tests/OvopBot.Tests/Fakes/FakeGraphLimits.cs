using System.Text.Json.Nodes;

namespace OvopBot.Tests.Fakes;

/// <summary>
/// The field limits the fake Graph API enforces (Meta's documented values: reply buttons 1–3 with unique titles of at
/// most 20 and ids of at most 256; lists of 1–10 rows with titles ≤ 24, descriptions ≤ 72, ids ≤ 200 and a button
/// label ≤ 20; interactive bodies ≤ 1024; text ≤ 4096). Returns what is wrong, or null.
/// </summary>
public static class FakeGraphLimits
{
    public static string? Violation(JsonObject payload)
    {
        if ((string?)payload["messaging_product"] != "whatsapp")
        {
            return "messaging_product";
        }

        return (string?)payload["type"] switch
        {
            "text" => Len(payload["text"]?["body"], 1, 4096, "text.body"),
            "interactive" => Interactive(payload["interactive"]!.AsObject()),
            "template" => Len(payload["template"]?["name"], 1, 512, "template.name"),
            "document" => Len(payload["document"]?["id"], 1, 100, "document.id")
                ?? Len(payload["document"]?["caption"], 0, 1024, "document.caption"),
            var other => $"type {other}",
        };
    }

    private static string? Interactive(JsonObject interactive)
    {
        var body = Len(interactive["body"]?["text"], 1, 1024, "body.text");
        if (body is not null)
        {
            return body;
        }

        var action = interactive["action"]!;
        switch ((string?)interactive["type"])
        {
            case "button":
                var buttons = action["buttons"]!.AsArray();
                if (buttons.Count is < 1 or > 3)
                {
                    return "buttons count";
                }

                var titles = buttons.Select(b => (string?)b!["reply"]!["title"]).ToList();
                var ids = buttons.Select(b => (string?)b!["reply"]!["id"]).ToList();
                if (titles.Distinct().Count() != titles.Count || ids.Distinct().Count() != ids.Count)
                {
                    return "button titles and ids must be unique";
                }

                return buttons.Select(b => Len(b!["reply"]!["title"], 1, 20, "button title")
                    ?? Len(b!["reply"]!["id"], 1, 256, "button id")).FirstOrDefault(v => v is not null);
            case "list":
                var rows = action["sections"]!.AsArray().SelectMany(s => s!["rows"]!.AsArray()).ToList();
                if (rows.Count is < 1 or > 10)
                {
                    return "rows count";
                }

                return Len(action["button"], 1, 20, "list button")
                    ?? action["sections"]!.AsArray().Select(s => Len(s!["title"], 0, 24, "section title"))
                        .FirstOrDefault(v => v is not null)
                    ?? rows.Select(r => Len(r!["title"], 1, 24, "row title")
                        ?? Len(r["id"], 1, 200, "row id")
                        ?? Len(r["description"], 0, 72, "row description")).FirstOrDefault(v => v is not null);
            case "location_request_message":
                return (string?)action["name"] == "send_location" ? null : "action.name";
            default:
                return "interactive type";
        }
    }

    private static string? Len(JsonNode? node, int min, int max, string what)
    {
        if (node is null)
        {
            return min == 0 ? null : what + " missing";
        }

        var length = ((string?)node ?? "").Length;
        return length < min || length > max ? $"{what} length {length} not in {min}..{max}" : null;
    }
}
