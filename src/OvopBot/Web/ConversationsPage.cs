using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http;
using OvopBot.Handoffs;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Web;

/// <summary>
/// Conversations: the people whose registration names a village in scope, latest first, and one person's chat log
/// (what they sent and what the bot answered, with each message's fate). Questions the person asked the facilitators
/// (hand-offs) that nobody answered yet carry a reply box: the answer goes out exactly like the chat's BALAS.
/// </summary>
public sealed class ConversationsPage(SqliteDatabase database, RegionCatalog catalog, RecordQuery records, HandoffService handoffs,
    Signals signals, TimeProvider time)
{
    public const int PageSize = 50;

    /// <summary>The latest messages shown of one person.</summary>
    public const int MaxMessages = 300;

    public async Task<IResult> ListAsync(HttpContext http, string? region, int? number)
    {
        var page = WebAuth.Page(http);
        var codes = WebRegions.Resolve(catalog, page.Staff, region);
        if (codes is null)
        {
            return page.NotFound();
        }

        var (where, parameters) = records.Where(codes, RecordFilter.None);
        var current = Math.Clamp(number ?? 1, 1, RecordFilter.MaxPage);
        parameters.Add("limit", PageSize);
        parameters.Add("offset", (long)(current - 1) * PageSize);
        await using var connection = database.Open();
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(DISTINCT s.contact_id) FROM submissions s JOIN contacts c ON c.id = s.contact_id WHERE {where}", parameters,
            cancellationToken: http.RequestAborted));
        var rows = await connection.QueryAsync<(long Id, string Channel, string Address, string? Name, string? Last, string? Village)>(new CommandDefinition(
            $"""
            SELECT c.id, c.channel, c.address, coalesce(max(json_extract(s.answers_json, '$."respondent.name"')), c.display_name), c.last_inbound_at, max(s.village_name)
            FROM submissions s JOIN contacts c ON c.id = s.contact_id WHERE {where}
            GROUP BY c.id ORDER BY c.last_inbound_at DESC, c.id DESC LIMIT @limit OFFSET @offset
            """, parameters, cancellationToken: http.RequestAborted));
        var body = new StringBuilder($"<h1>{page.TE("conversations_title")}</h1>");
        body.Append(WebRegions.Breadcrumb(catalog, page, region is null ? null : codes[0], "/admin/conversations"));
        body.Append($"<div class=scroll><table><thead><tr><th>{page.TE("col_who")}</th><th>{page.TE("col_village")}</th><th>{page.TE("col_channel")}</th><th>{page.TE("col_last_message")}</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            body.Append($"<tr><td><a href=\"/admin/conversations/{row.Id}\">{Html.E(row.Name ?? row.Address)}</a></td><td>{Html.E(row.Village)}</td>")
                .Append($"<td>{Html.E(row.Channel)}</td><td>{(row.Last is null ? "—" : Html.E(Html.Time(DbTime.Read(row.Last))))}</td></tr>");
        }

        body.Append("</tbody></table></div>");
        var pages = (int)Math.Max(1, (total + PageSize - 1) / PageSize);
        body.Append(WebPaging.Links(page, Math.Min(current, pages), pages, n => $"/admin/conversations?{(region is null ? "" : $"region={codes[0]}&")}page={n}"));
        return page.Render("conversations_title", body.ToString());
    }

    public Task<IResult> OneAsync(HttpContext http, long contactId) => OneAsync(http, contactId, refused: null);

    /// <summary>Answers one waiting question of this person (the chat's BALAS id text), then shows the log again.</summary>
    public async Task<IResult> AnswerAsync(HttpContext http, long contactId, long handoffId)
    {
        var page = WebAuth.Page(http);
        await using (var connection = database.Open())
        {
            if (await PersonAsync(connection, page, contactId, http.RequestAborted) is null
                || await handoffs.FindForStaffAsync(handoffId, page.Staff.ContactId, page.Staff.Scopes, http.RequestAborted) is not { } handoff
                || handoff.ContactId != contactId)
            {
                return page.NotFound();
            }
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var text = form["text"].ToString().Trim();
        if (text.Length is 0 or > HandoffService.MaxAnswerLength)
        {
            return await OneAsync(http, contactId, refused: handoffId);
        }

        string? channel;
        using (var write = await database.BeginWriteAsync(http.RequestAborted))
        {
            channel = handoffs.Answer(write, page.Staff.ContactId, new HandoffAnswer(handoffId, text), time.GetUtcNow());
            write.Commit();
        }

        if (channel is not null)
        {
            signals.Outbox(channel).Notify();
        }

        return Results.Redirect($"/admin/conversations/{contactId}");
    }

    /// <param name="refused">The question whose answer was empty or too long, to say so beside its box.</param>
    private async Task<IResult> OneAsync(HttpContext http, long contactId, long? refused)
    {
        var page = WebAuth.Page(http);
        await using var connection = database.Open();
        if (await PersonAsync(connection, page, contactId, http.RequestAborted) is not { } p)
        {
            return page.NotFound();
        }

        var messages = (await connection.QueryAsync<(string At, int Inbound, string? Text, string Kind)>(new CommandDefinition(
            """
            SELECT at, inbound, text, kind FROM (
                SELECT received_at AS at, 1 AS inbound, text, kind, id FROM inbound_messages WHERE contact_id = @contactId
                UNION ALL
                SELECT created_at, 0, text, status, id FROM outbound_messages WHERE contact_id = @contactId)
            ORDER BY at DESC, inbound, id DESC LIMIT @max
            """, new { contactId, max = MaxMessages }, cancellationToken: http.RequestAborted))).Reverse().ToList();

        var body = new StringBuilder(32 * 1024);
        body.Append($"<h1>{Html.E(p.Name ?? p.Address)}</h1><p>{ContactLinks.Render($"{p.Channel}:{p.Address}", p.Phone, null)}</p>");
        body.Append(WaitingQuestions(page, contactId, HandoffStore.Waiting(connection, contactId), refused));
        body.Append($"<p class=note>{page.TE("conversation_latest", ("max", MaxMessages))}</p><ol class=chat>");
        foreach (var m in messages)
        {
            var text = m.Text ?? $"[{m.Kind}]";
            var fate = m.Inbound == 1 ? "" : $" <small>{Html.E(page.T("fate_" + m.Kind))}</small>";
            body.Append($"<li class={(m.Inbound == 1 ? "in" : "out")}><small>{Html.E(Html.Time(DbTime.Read(m.At)))}</small>{fate}<p>{Html.E(text)}</p></li>");
        }

        body.Append("</ol>");
        return page.Render("conversations_title", body.ToString());
    }

    /// <summary>The person, when a registration of theirs names a village in the staff member's scope.</summary>
    private async Task<(string Channel, string Address, string? Name, string? Phone)?> PersonAsync(Microsoft.Data.Sqlite.SqliteConnection connection,
        WebPage page, long contactId, CancellationToken cancellationToken)
    {
        var (where, parameters) = records.Where(page.Staff.Scopes, RecordFilter.None);
        parameters.Add("contactId", contactId);
        return await connection.QuerySingleOrDefaultAsync<(string Channel, string Address, string? Name, string? Phone)?>(new CommandDefinition(
            $"""
            SELECT c.channel, c.address, c.display_name, c.phone FROM contacts c
            WHERE c.id = @contactId AND EXISTS (SELECT 1 FROM submissions s WHERE s.contact_id = c.id AND {where})
            """, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>The questions waiting for staff, each with its reply box (at most <see cref="HandoffService.MaxAnswerLength"/> characters).</summary>
    private static string WaitingQuestions(WebPage page, long contactId, IReadOnlyList<Handoff> waiting, long? refused)
    {
        if (waiting.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder($"<section class=handoffs id=handoffs><h2>{page.TE("handoffs_title")}</h2>");
        foreach (var handoff in waiting)
        {
            var question = handoff.Text is { Length: > 0 } text ? Html.E(text) : $"<em>{page.TE("handoff_voice")}</em>";
            html.Append($"<article><p><small>#{handoff.Id} · {Html.E(Html.Time(handoff.CreatedAt))}</small><br>{question}</p>");
            if (refused == handoff.Id)
            {
                html.Append($"<p class=error role=alert>{page.TE("handoff_answer_length", ("max", HandoffService.MaxAnswerLength))}</p>");
            }

            html.Append($"<form method=post action=\"/admin/conversations/{contactId}/handoffs/{handoff.Id}/answer\">{page.Csrf}")
                .Append($"<label>{page.TE("handoff_answer_label", ("max", HandoffService.MaxAnswerLength))}")
                .Append($"<textarea name=text required maxlength={HandoffService.MaxAnswerLength} rows=3></textarea></label>")
                .Append($"<button type=submit>{page.TE("handoff_send")}</button></form></article>");
        }

        return html.Append("</section>").ToString();
    }
}
