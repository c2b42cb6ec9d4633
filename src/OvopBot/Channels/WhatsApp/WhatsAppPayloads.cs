using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// Builds Cloud API message objects within Meta's limits. Pure: no I/O. Which shape to use is decided by
/// <see cref="WhatsAppComposer"/>; this class only knows the JSON and the field limits.
/// </summary>
internal static class WhatsAppPayloads
{
    public const int TextMax = 4096;
    public const int InteractiveBodyMax = 1024;
    public const int CaptionMax = 1024;
    public const int ButtonsMax = 3;
    public const int ButtonTitleMax = 20;
    public const int ButtonIdMax = 256;
    public const int ListRowsMax = 10;
    public const int ListButtonMax = 20;
    public const int SectionTitleMax = 24;
    public const int RowTitleMax = 24;
    public const int RowDescriptionMax = 72;
    public const int RowIdMax = 200;

    /// <summary>A template parameter shares the template's 1,024-character body with its fixed text.</summary>
    public const int TemplateParameterMax = 900;

    public static JsonObject Text(string to, string body) =>
        Envelope(to, "text", new JsonObject { ["preview_url"] = false, ["body"] = body });

    public static JsonObject Buttons(string to, string body, IReadOnlyList<ReplyOption> options)
    {
        var buttons = new JsonArray();
        for (var i = 0; i < options.Count; i++)
        {
            buttons.Add(new JsonObject
            {
                ["type"] = "reply",
                ["reply"] = new JsonObject
                {
                    ["id"] = options[i].Key,
                    ["title"] = WhatsAppText.Numbered(i + 1, options[i].Label, ButtonTitleMax),
                },
            });
        }

        return Interactive(to, "button", body, new JsonObject { ["buttons"] = buttons });
    }

    public static JsonObject List(string to, string body, string menuLabel, IReadOnlyList<ReplyOption> options)
    {
        var rows = new JsonArray();
        for (var i = 0; i < options.Count; i++)
        {
            var title = WhatsAppText.Numbered(i + 1, options[i].Label, RowTitleMax);
            var row = new JsonObject { ["id"] = options[i].Key, ["title"] = title };
            if (title.EndsWith(WhatsAppText.Ellipsis, StringComparison.Ordinal))
            {
                // The row title had to be cut; the description shows (most of) the whole label.
                row["description"] = WhatsAppText.Shorten(options[i].Label, RowDescriptionMax);
            }

            rows.Add(row);
        }

        var section = new JsonObject
        {
            ["title"] = WhatsAppText.Shorten(menuLabel, SectionTitleMax),
            ["rows"] = rows,
        };
        return Interactive(to, "list", body, new JsonObject
        {
            ["button"] = WhatsAppText.Shorten(menuLabel, ListButtonMax),
            ["sections"] = new JsonArray(section),
        });
    }

    public static JsonObject LocationRequest(string to, string body) =>
        Interactive(to, "location_request_message", body, new JsonObject { ["name"] = "send_location" });

    public static JsonObject Template(string to, TemplateRef template)
    {
        var content = new JsonObject
        {
            ["name"] = template.Name,
            ["language"] = new JsonObject { ["code"] = template.Language },
        };
        if (template.Parameters.Count > 0)
        {
            var parameters = new JsonArray();
            foreach (var p in template.Parameters)
            {
                parameters.Add(new JsonObject
                {
                    ["type"] = "text",
                    ["text"] = WhatsAppText.Shorten(p, TemplateParameterMax),
                });
            }

            content["components"] = new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = parameters });
        }

        return Envelope(to, "template", content);
    }

    public static JsonObject Document(string to, string mediaId, string fileName, string? caption)
    {
        var document = new JsonObject { ["id"] = mediaId, ["filename"] = fileName };
        if (caption is not null)
        {
            document["caption"] = caption;
        }

        return Envelope(to, "document", document);
    }

    private static JsonObject Interactive(string to, string type, string body, JsonObject action) =>
        Envelope(to, "interactive", new JsonObject
        {
            ["type"] = type,
            ["body"] = new JsonObject { ["text"] = body },
            ["action"] = action,
        });

    // "to" always carries '+': without it Meta prefixes the business number's own country code.
    private static JsonObject Envelope(string to, string type, JsonObject content) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        ["to"] = "+" + to.TrimStart('+'),
        ["type"] = type,
        [type] = content,
    };
}
