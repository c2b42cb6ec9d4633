using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http;
using OvopBot.Broadcasts;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Storage;

namespace OvopBot.Web;

/// <summary>
/// Broadcasts from the dashboard, through the same <see cref="BroadcastService"/> as the chat and the command line:
/// compose (target, regions, text ≤ 500 characters with a live count) → preview (recipients per channel, skipped
/// people, WhatsApp messages outside the 24-hour window) → confirm → progress until done; and the history with each
/// broadcast's final numbers. Every region is checked against the author's scope by the service itself.
/// </summary>
public sealed class BroadcastsPage(SqliteDatabase database, RegionCatalog catalog, BroadcastService broadcasts, BroadcastStore store, TimeProvider time)
{
    /// <summary>The longest text the dashboard sends: one message on a basic phone (the chat's limit too).</summary>
    public const int MaxText = 500;

    /// <summary>WhatsApp only takes free text within 24 hours of the person's last message.</summary>
    private static readonly TimeSpan CustomerWindow = TimeSpan.FromHours(24);

    private static readonly BroadcastTarget[] Targets = [BroadcastTarget.Unfinished, BroadcastTarget.NotStarted, BroadcastTarget.All, BroadcastTarget.Finished];

    public async Task<IResult> ComposeAsync(HttpContext http) => await ComposeAsync(http, null, null, null, null);

    public async Task<IResult> PreviewAsync(HttpContext http)
    {
        var page = WebAuth.Page(http);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var text = form["text"].ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var regions = form["region"].Select(r => r ?? "").Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var targetText = form["target"].ToString();
        if (!BroadcastTargets.TryParse(targetText, out var target))
        {
            return await ComposeAsync(http, page.T("broadcast_choose_target"), text, regions, null);
        }

        if (text.Length == 0 || text.Length > MaxText)
        {
            return await ComposeAsync(http, page.T(text.Length == 0 ? "broadcast_empty" : "broadcast_too_long", ("length", text.Length), ("max", MaxText)), text, regions, target);
        }

        var allowed = WebRegions.Choices(catalog, page.Staff).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        if (regions.Count == 0 || regions.Any(r => !allowed.Contains(r)))
        {
            return await ComposeAsync(http, page.T("broadcast_choose_region"), text, regions.Where(allowed.Contains).ToList(), target);
        }

        BroadcastPreview preview;
        try
        {
            preview = await broadcasts.PrepareAsync(new BroadcastRequest(target, regions, text, Author(page.Staff), page.Staff.ContactId),
                StaffRole.Facilitator, http.RequestAborted);
        }
        catch (BroadcastRefusedException e)
        {
            return await ComposeAsync(http, e.Message, text, regions, target);
        }

        var outside = await OutsideWindowAsync(target, regions, http.RequestAborted);
        var body = new StringBuilder($"<h1>{page.TE("broadcast_preview_title")}</h1>");
        body.Append($"<blockquote class=bubble>{Html.E(text).Replace("\n", "<br>", StringComparison.Ordinal)}</blockquote>");
        body.Append($"<p>{page.TE("broadcast_to", ("target", page.T("target_" + BroadcastTargets.ToText(target))), ("regions", string.Join(", ", regions.Select(r => catalog.Name(r) ?? r))))}</p>");
        body.Append($"<div class=scroll><table><thead><tr><th>{page.TE("col_channel")}</th><th class=num>{page.TE("col_recipients")}</th></tr></thead><tbody>");
        foreach (var (channel, count) in preview.RecipientsByChannel)
        {
            body.Append($"<tr><td>{Html.E(channel)}</td><td class=num>{Html.N(count)}</td></tr>");
        }

        body.Append($"<tr><th>{page.TE("total")}</th><th class=num>{Html.N(preview.Recipients)}</th></tr></tbody></table></div>");
        body.Append("<ul>")
            .Append($"<li>{page.TE("broadcast_skipped_opted_out", ("count", Html.N(preview.SkippedOptedOut)))}</li>")
            .Append($"<li>{page.TE("broadcast_skipped_unreachable", ("count", Html.N(preview.SkippedUnreachable)))}</li>")
            .Append($"<li>{page.TE("broadcast_whatsapp_outside", ("count", Html.N(outside)))}</li></ul>");
        if (preview.Recipients == 0)
        {
            await broadcasts.CancelAsync(preview.Id, http.RequestAborted);
            body.Append($"<p role=alert>{page.TE("broadcast_nobody")}</p><p><a href=/admin/broadcasts>{page.TE("back")}</a></p>");
        }
        else
        {
            body.Append($"<div class=actions><form method=post action=/admin/broadcasts/{preview.Id}/confirm>{page.Csrf}<button type=submit>{page.TE("broadcast_send", ("count", Html.N(preview.Recipients)))}</button></form>")
                .Append($"<form method=post action=/admin/broadcasts/{preview.Id}/cancel>{page.Csrf}<button type=submit class=secondary>{page.TE("cancel")}</button></form></div>");
        }

        return page.Render("broadcast_preview_title", body.ToString());
    }

    public Task<IResult> ConfirmAsync(HttpContext http, long id) => OnMineAsync(http, id, token => broadcasts.ConfirmAsync(id, token));

    public Task<IResult> CancelAsync(HttpContext http, long id) => OnMineAsync(http, id, token => broadcasts.CancelAsync(id, token));

    /// <summary>Does <paramref name="act"/> to the person's own broadcast and shows it; anyone else's is not found.</summary>
    private async Task<IResult> OnMineAsync(HttpContext http, long id, Func<CancellationToken, Task> act)
    {
        var page = WebAuth.Page(http);
        if (!await MineAsync(page.Staff, id, http.RequestAborted))
        {
            return page.NotFound();
        }

        await act(http.RequestAborted);
        return Results.Redirect($"/admin/broadcasts/{id}");
    }

    /// <summary>One broadcast's progress; the page reloads itself every few seconds until nothing is pending.</summary>
    public async Task<IResult> ShowAsync(HttpContext http, long id)
    {
        var page = WebAuth.Page(http);
        var row = (await HistoryAsync(page.Staff, id, http.RequestAborted)).FirstOrDefault();
        if (row is null || await broadcasts.ProgressAsync(id, http.RequestAborted) is not { } progress)
        {
            return page.NotFound();
        }

        var done = progress.Done || progress.Status == "draft";
        var body = new StringBuilder(done ? "" : "<meta http-equiv=refresh content=3>");
        body.Append($"<h1>{page.TE("broadcast_title", ("id", id))}</h1>");
        body.Append($"<blockquote class=bubble>{Html.E(row.Text).Replace("\n", "<br>", StringComparison.Ordinal)}</blockquote>");
        body.Append($"<p>{page.TE("broadcast_status_" + progress.Status)}{(done ? "" : " · " + page.TE("broadcast_live"))}</p>");
        body.Append($"<progress value={progress.Total - progress.Pending} max={Math.Max(progress.Total, 1)}></progress>");
        body.Append(Numbers(page, progress));
        body.Append($"<p><a href=/admin/broadcasts>{page.TE("back")}</a></p>");
        return page.Render("nav_broadcasts", body.ToString());
    }

    private async Task<IResult> ComposeAsync(HttpContext http, string? error, string? text, IReadOnlyList<string>? regions, BroadcastTarget? target)
    {
        var page = WebAuth.Page(http);
        var body = new StringBuilder(16 * 1024);
        body.Append($"<h1>{page.TE("nav_broadcasts")}</h1><h2>{page.TE("broadcast_new")}</h2>");
        if (error is not null)
        {
            body.Append($"<p role=alert class=error>{Html.E(error)}</p>");
        }

        body.Append($"<form method=post action=/admin/broadcasts/preview>{page.Csrf}<fieldset><legend>{page.TE("broadcast_target")}</legend>");
        foreach (var t in Targets)
        {
            var value = BroadcastTargets.ToText(t);
            body.Append($"<label><input type=radio name=target value={value}{((target ?? BroadcastTarget.Unfinished) == t ? " checked" : "")}> {page.TE("target_" + value)}</label>");
        }

        body.Append($"</fieldset><fieldset class=regions><legend>{page.TE("broadcast_regions")}</legend>");
        foreach (var (code, name) in WebRegions.Choices(catalog, page.Staff))
        {
            var chosen = regions?.Contains(code) ?? false;
            body.Append($"<label><input type=checkbox name=region value=\"{code}\"{(chosen ? " checked" : "")}> {Html.E(name)}</label>");
        }

        body.Append($"</fieldset><label for=text>{page.TE("broadcast_text")}</label><textarea id=text name=text rows=5 maxlength={MaxText} required data-count=count>{Html.E(text)}</textarea>")
            .Append($"<p><output id=count>{(text ?? "").Length}</output>/{MaxText} {page.TE("characters")}</p>")
            .Append($"<button type=submit>{page.TE("broadcast_preview")}</button></form>");

        body.Append($"<h2>{page.TE("broadcast_history")}</h2>");
        var history = await HistoryAsync(page.Staff, null, http.RequestAborted);
        if (history.Count == 0)
        {
            body.Append($"<p>{page.TE("broadcast_history_none")}</p>");
        }
        else
        {
            body.Append($"<div class=scroll><table><thead><tr><th>#</th><th>{page.TE("col_when")}</th><th>{page.TE("broadcast_text")}</th><th>{page.TE("col_status")}</th><th>{page.TE("broadcast_report")}</th></tr></thead><tbody>");
            foreach (var row in history)
            {
                var progress = await broadcasts.ProgressAsync(row.Id, http.RequestAborted);
                body.Append($"<tr><td><a href=\"/admin/broadcasts/{row.Id}\">{row.Id}</a></td><td>{Html.E(Html.Time(DbTime.Read(row.CreatedAt)))}</td>")
                    .Append($"<td>{Html.E(row.Text.Length > 80 ? row.Text[..79] + "…" : row.Text)}</td><td>{page.TE("broadcast_status_" + row.Status)}</td>")
                    .Append($"<td>{(progress is null ? "" : page.TE("broadcast_numbers", ("sent", progress.Sent), ("total", progress.Total), ("failed", progress.Failed), ("cancelled", progress.Cancelled)))}</td></tr>");
            }

            body.Append("</tbody></table></div>");
        }

        return page.Render("nav_broadcasts", body.ToString(), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static string Numbers(WebPage page, BroadcastProgress p) =>
        $"<dl class=facts><div><dt>{page.TE("col_recipients")}</dt><dd>{Html.N(p.Total)}</dd></div><div><dt>{page.TE("fate_sent")}</dt><dd>{Html.N(p.Sent)}</dd></div>" +
        $"<div><dt>{page.TE("fate_pending")}</dt><dd>{Html.N(p.Pending)}</dd></div><div><dt>{page.TE("fate_failed")}</dt><dd>{Html.N(p.Failed)}</dd></div>" +
        $"<div><dt>{page.TE("fate_cancelled")}</dt><dd>{Html.N(p.Cancelled)}</dd></div><div><dt>{page.TE("broadcast_skipped")}</dt><dd>{Html.N(p.SkippedOptedOut + p.SkippedUnreachable)}</dd></div></dl>";

    /// <summary>How the dashboard signs broadcasts in the <c>author</c> column.</summary>
    private static string Author(WebStaff staff) => "web:" + staff.Contact;

    private sealed record HistoryRow(long Id, string Text, string Status, string CreatedAt, string Regions);

    /// <summary>Broadcasts (one, or the latest 50) whose every region lies in the staff member's scope; drafts only their author's.</summary>
    private async Task<IReadOnlyList<HistoryRow>> HistoryAsync(WebStaff staff, long? id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<(long Id, string Text, string Status, string CreatedAt, string? Regions, string Author)>(new CommandDefinition(
            """
            SELECT b.id, b.text, b.status, b.created_at, (SELECT group_concat(region_code) FROM broadcast_regions r WHERE r.broadcast_id = b.id), b.author
            FROM broadcasts b WHERE (@id IS NULL OR b.id = @id) ORDER BY b.id DESC LIMIT 200
            """, new { id }, cancellationToken: cancellationToken));
        return rows.Where(r => (r.Status != "draft" || r.Author == Author(staff)) && r.Regions is not null && r.Regions.Split(',').All(staff.Covers))
            .Take(50).Select(r => new HistoryRow(r.Id, r.Text, r.Status, r.CreatedAt, r.Regions!)).ToList();
    }

    private async Task<bool> MineAsync(WebStaff staff, long id, CancellationToken cancellationToken) =>
        (await HistoryAsync(staff, id, cancellationToken)).Count == 1;

    /// <summary>WhatsApp recipients whose last message is older than 24 hours: their copy waits for a template or is held.</summary>
    private async Task<int> OutsideWindowAsync(BroadcastTarget target, IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        var ids = (await store.RecipientsAsync(target, regions, cancellationToken))
            .Where(r => r.Channel == "whatsapp" && !r.OptedOut && r.Reachable).Select(r => r.ContactId).ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM contacts WHERE id IN (SELECT value FROM json_each(@ids)) AND (last_inbound_at IS NULL OR last_inbound_at < @since)",
            new { ids = System.Text.Json.JsonSerializer.Serialize(ids), since = DbTime.Write(time.GetUtcNow() - CustomerWindow) }, cancellationToken: cancellationToken));
    }
}
