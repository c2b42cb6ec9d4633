using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OvopBot.Conversations;
using OvopBot.Flows.Answers;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Web;

/// <summary>
/// One record: every answer as the village head confirmed it, the photo, the location with a maps link, and the
/// revision history (who changed what, when). Outside the staff member's scope it does not exist (404), and so
/// does its photo.
/// </summary>
public sealed class RecordPage(RegionCatalog catalog, FlowCatalog flows, FlowEngine engine, IOptions<ConversationOptions> conversations,
    IOptions<StorageOptions> storage, RecordQuery records)
{
    public async Task<IResult> RenderAsync(HttpContext http, long id)
    {
        var page = WebAuth.Page(http);
        if (await records.FindAsync(id, http.RequestAborted) is not { } record || !page.Staff.Covers(record.VillageCode))
        {
            return page.NotFound();
        }

        var flow = flows[conversations.Value.Flow];
        var answers = JsonNode.Parse(record.AnswersJson) as JsonObject ?? [];
        var body = new StringBuilder(16 * 1024);
        body.Append(WebRegions.Breadcrumb(catalog, page, RegionCode.Parent(record.VillageCode!), "/admin/records"));
        body.Append($"<h1>{Html.E(Answer(flow, page.Language, "product.name", answers) ?? page.T("record_title"))} · {Html.E(record.VillageName)}</h1>");
        body.Append("<dl class=facts>")
            .Append(Fact(page.TE("col_reference"), Html.E(record.Reference ?? "—")))
            .Append(Fact(page.TE("col_status"), page.TE("status_" + record.Status)))
            .Append(Fact(page.TE("col_revision"), Html.N(record.Revision)))
            .Append(Fact(page.TE("col_updated"), Html.E(Html.Time(DbTime.Read(record.UpdatedAt)))))
            .Append(Fact(page.TE("col_contact"), ContactLinks.Render($"{record.Channel}:{record.Address}", record.Phone, record.DisplayName)
                + $" · <a href=\"/admin/conversations/{record.ContactId}\">{page.TE("open_conversation")}</a>"))
            .Append("</dl>");
        body.Append(ReviewPanel(page, record));

        body.Append($"<h2>{page.TE("answers_title")}</h2><div class=scroll><table class=answers><tbody>");
        foreach (var node in Questions(flow))
        {
            if (node.Expect is AnswerKind.Photo or AnswerKind.Location)
            {
                continue;
            }

            body.Append($"<tr><th scope=row>{Html.E(node.Label!.Get(page.Language))}</th><td>{Html.E(Answer(flow, page.Language, node, answers[node.Save!]) ?? "—")}</td></tr>");
        }

        body.Append("</tbody></table></div>");

        if (PhotoPath(answers) is not null)
        {
            body.Append($"<h2>{page.TE("photo_title")}</h2><p><img src=\"/admin/records/{record.Id}/photo\" alt=\"{page.TE("photo_title")}\" class=photo loading=lazy></p>");
        }

        if (flow.Nodes.FirstOrDefault(n => n.Expect == AnswerKind.Location && n.Save is not null) is { } locationNode
            && answers[locationNode.Save!] is JsonObject location && Number(location["lat"]) is { } lat && Number(location["lon"]) is { } lon)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{lat:0.######},{lon:0.######}");
            body.Append($"<h2>{page.TE("location_title")}</h2><p>{at} · <a href=\"geo:{at}\">{page.TE("open_maps")}</a> · ")
                .Append($"<a href=\"https://www.openstreetmap.org/?mlat={lat.ToString(CultureInfo.InvariantCulture)}&amp;mlon={lon.ToString(CultureInfo.InvariantCulture)}#map=15/{at.Replace(',', '/')}\" rel=noopener>OpenStreetMap</a> · ")
                .Append($"<a href=\"https://www.google.com/maps?q={at}\" rel=noopener>Google Maps</a></p>");
        }

        body.Append($"<h2>{page.TE("history_title")}</h2>");
        var history = await records.HistoryAsync(record.Id, http.RequestAborted);
        if (history.Count == 0)
        {
            body.Append($"<p>{page.TE("history_none")}</p>");
        }
        else
        {
            body.Append($"<div class=scroll><table><thead><tr><th>{page.TE("col_revision")}</th><th>{page.TE("col_when")}</th><th>{page.TE("col_who")}</th><th>{page.TE("col_changed")}</th></tr></thead><tbody>");
            JsonObject? before = null;
            foreach (var revision in history)
            {
                var after = JsonNode.Parse(revision.AnswersJson) as JsonObject ?? [];
                var changed = before is null ? page.T("history_first") : string.Join(", ", Changed(flow, before, after).Select(n => n.Label!.Get(page.Language)));
                body.Append($"<tr><td>{revision.Number}</td><td>{Html.E(Html.Time(DbTime.Read(revision.ChangedAt)))}</td>")
                    .Append($"<td>{Html.E(revision.DisplayName ?? revision.Channel + ":" + revision.Address)}</td><td>{Html.E(changed.Length == 0 ? "—" : changed)}</td></tr>");
                before = after;
            }

            body.Append("</tbody></table></div>");
        }

        return page.Render("record_title", body.ToString());
    }

    /// <summary>The record's photo, only for staff whose scope holds the record, and only from inside the media folder.</summary>
    public async Task<IResult> PhotoAsync(HttpContext http, long id)
    {
        var page = WebAuth.Page(http);
        if (await records.FindAsync(id, http.RequestAborted) is not { } record || !page.Staff.Covers(record.VillageCode)
            || PhotoPath(JsonNode.Parse(record.AnswersJson) as JsonObject ?? []) is not { } stored)
        {
            return page.NotFound();
        }

        var root = Path.GetFullPath(storage.Value.MediaPath);
        var path = Path.GetFullPath(Path.IsPathRooted(stored) ? stored : Path.Combine(root, stored));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            return page.NotFound();
        }

        http.Response.Headers.CacheControl = "private, max-age=3600";
        var type = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".webp" => "image/webp",
            _ => "image/jpeg",
        };
        return Results.File(path, type);
    }

    /// <summary>
    /// SEAM for record review (issue 14): the verify / ask-to-fix form goes here once the review services land.
    /// Until then the record page shows no review actions.
    /// </summary>
    private static string ReviewPanel(WebPage page, RecordQuery.Detail record) => "";

    private static IEnumerable<FlowNode> Questions(FlowDefinition flow) =>
        flow.Nodes.Where(n => n.IsQuestion && n.Save is not null && n.Label is not null && n.Expect is not (AnswerKind.Summary or AnswerKind.Village))
            .DistinctBy(n => n.Save);

    private static IEnumerable<FlowNode> Changed(FlowDefinition flow, JsonObject before, JsonObject after) =>
        Questions(flow).Where(n => !JsonNode.DeepEquals(before[n.Save!], after[n.Save!]));

    private string? Answer(FlowDefinition flow, string language, string field, JsonObject answers) =>
        flow.Nodes.FirstOrDefault(n => n.Save == field) is { } node ? Answer(flow, language, node, answers[field]) : null;

    private string? Answer(FlowDefinition flow, string language, FlowNode node, JsonNode? value) =>
        value is null ? null : engine.Interpreter(node.Expect).Display(flow, node, value, language);

    private static string? PhotoPath(JsonObject answers) => answers["photo"] is JsonObject photo ? AnswerValues.AsString(photo["path"]) : null;

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue(out double d) ? d : null;

    private static string Fact(string term, string html) => $"<div><dt>{term}</dt><dd>{html}</dd></div>";
}
