using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Web;

/// <summary>
/// Conversations, read-only: the people whose registration names a village in scope, latest first, and one person's
/// chat log (what they sent and what the bot answered, with each message's fate).
/// </summary>
public sealed class ConversationsPage(SqliteDatabase database, RegionCatalog catalog, RecordQuery records)
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

    public async Task<IResult> OneAsync(HttpContext http, long contactId)
    {
        var page = WebAuth.Page(http);
        var (where, parameters) = records.Where(page.Staff.Scopes, RecordFilter.None);
        parameters.Add("contactId", contactId);
        await using var connection = database.Open();
        var person = await connection.QuerySingleOrDefaultAsync<(string Channel, string Address, string? Name, string? Phone)?>(new CommandDefinition(
            $"""
            SELECT c.channel, c.address, c.display_name, c.phone FROM contacts c
            WHERE c.id = @contactId AND EXISTS (SELECT 1 FROM submissions s WHERE s.contact_id = c.id AND {where})
            """, parameters, cancellationToken: http.RequestAborted));
        if (person is not { } p)
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
        body.Append($"<p class=note>{page.TE("conversation_read_only", ("max", MaxMessages))}</p><ol class=chat>");
        foreach (var m in messages)
        {
            var text = m.Text ?? $"[{m.Kind}]";
            var fate = m.Inbound == 1 ? "" : $" <small>{Html.E(page.T("fate_" + m.Kind))}</small>";
            body.Append($"<li class={(m.Inbound == 1 ? "in" : "out")}><small>{Html.E(Html.Time(DbTime.Read(m.At)))}</small>{fate}<p>{Html.E(text)}</p></li>");
        }

        body.Append("</ol>").Append(ReplyBox(page, contactId));
        return page.Render("conversations_title", body.ToString());
    }

    /// <summary>
    /// SEAM for hand-offs (issue 12): the questions waiting for a facilitator and the reply box go here once the
    /// hand-off services land. Until then the log is read-only.
    /// </summary>
    private static string ReplyBox(WebPage page, long contactId) => "";
}
