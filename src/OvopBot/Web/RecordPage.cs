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
using OvopBot.Reviews;
using OvopBot.Storage;

namespace OvopBot.Web;

/// <summary>
/// One record: every answer as the village head confirmed it, the photo, the location with a maps link, and the
/// revision history (who changed what, when). Outside the staff member's scope it does not exist (404), and so
/// does its photo.
/// </summary>
public sealed class RecordPage(RegionCatalog catalog, FlowCatalog flows, FlowEngine engine, IOptions<ConversationOptions> conversations,
    IOptions<StorageOptions> storage, RecordQuery records, ReviewService reviews)
{
    public async Task<IResult> RenderAsync(HttpContext http, long id) => await RenderAsync(http, id, null);

    /// <summary>Verify: the record awaiting review becomes verified (through the same ReviewService as the chat's SETUJU).</summary>
    public async Task<IResult> VerifyAsync(HttpContext http, long id)
    {
        var page = WebAuth.Page(http);
        var outcome = await reviews.ApproveAsync(Reviewer(page.Staff), id, http.RequestAborted);
        return outcome is ReviewOutcome.NotFound or ReviewOutcome.OutsideScope or ReviewOutcome.NoRole
            ? page.NotFound()
            : outcome == ReviewOutcome.Done ? Results.Redirect($"/admin/records/{id}") : await RenderAsync(http, id, outcome);
    }

    /// <summary>Ask to fix: the village head is asked the ticked questions again with the note (the chat's PERBAIKI).</summary>
    public async Task<IResult> AskFixAsync(HttpContext http, long id)
    {
        var page = WebAuth.Page(http);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var numbers = form["field"].Select(f => int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        var note = form["note"].ToString();
        var outcome = note.Length > 500
            ? ReviewOutcome.NoNote
            : await reviews.AskFixAsync(Reviewer(page.Staff), id, numbers, note, http.RequestAborted);
        return outcome is ReviewOutcome.NotFound or ReviewOutcome.OutsideScope or ReviewOutcome.NoRole
            ? page.NotFound()
            : outcome == ReviewOutcome.Done ? Results.Redirect($"/admin/records/{id}") : await RenderAsync(http, id, outcome);
    }

    private async Task<IResult> RenderAsync(HttpContext http, long id, ReviewOutcome? refused)
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
        body.Append(await ReviewPanelAsync(page, record, refused, http.RequestAborted));

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
    /// The review state (who, when, the note) and, for a record awaiting review or verified, the actions: verify, or
    /// tick the answers the village head should give again and write the note they will read.
    /// </summary>
    private async Task<string> ReviewPanelAsync(WebPage page, RecordQuery.Detail record, ReviewOutcome? refused, CancellationToken cancellationToken)
    {
        var (outcome, review) = await reviews.ShowAsync(Reviewer(page.Staff), record.Id, page.Language, cancellationToken);
        if (outcome != ReviewOutcome.Done || review is null || review.State.Length == 0)
        {
            return "";
        }

        var html = new StringBuilder($"<section class=review aria-labelledby=review><h2 id=review>{page.TE("review_title")}</h2>");
        if (refused is { } why)
        {
            html.Append($"<p role=alert class=error>{page.TE("review_refused_" + why.ToString().ToLowerInvariant())}</p>");
        }

        html.Append($"<p><strong>{page.TE("review_" + review.State)}</strong>");
        if (review.ReviewedBy is not null && review.ReviewedAt is { } at)
        {
            html.Append($" · {page.TE("review_by", ("who", review.ReviewedBy), ("when", Html.Time(at)))}");
        }

        html.Append("</p>");
        if (review.Note is { Length: > 0 } note)
        {
            html.Append($"<blockquote>{Html.E(note)}</blockquote>");
        }

        var awaiting = ReviewStates.AwaitsReview(review.State);
        if (awaiting)
        {
            html.Append($"<form method=post action=/admin/records/{record.Id}/verify>{page.Csrf}<button type=submit>{page.TE("review_verify")}</button></form>");
        }

        if (awaiting || review.State == ReviewStates.Verified)
        {
            html.Append($"<details><summary>{page.TE("review_fix")}</summary><form method=post action=/admin/records/{record.Id}/fix>{page.Csrf}<fieldset>");
            foreach (var line in review.Lines)
            {
                html.Append($"<label><input type=checkbox name=field value={line.Number}> {line.Number}. {Html.E(line.Label)}: {Html.E(line.Value)}</label>");
            }

            html.Append($"</fieldset><label for=note>{page.TE("review_note")}</label><textarea id=note name=note rows=3 maxlength=500 required data-count=note-count></textarea>")
                .Append($"<p><output id=note-count>0</output>/500 {page.TE("characters")}</p><button type=submit>{page.TE("review_send_fix")}</button></form></details>");
        }

        return html.Append("</section>").ToString();
    }

    private static Reviewer Reviewer(WebStaff staff) => new(staff.ContactId, staff.Contact);

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
