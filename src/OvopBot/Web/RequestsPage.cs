using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OvopBot.Conversations;
using OvopBot.Flows.Loading;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Web;

/// <summary>
/// Requests: what the submitted villages ask for, by region one level down: training (topics, participants) and
/// funding (sum, median, by purpose), with bar charts drawn on the server.
/// </summary>
public sealed class RequestsPage(SqliteDatabase database, RegionCatalog catalog, FlowCatalog flows, IOptions<ConversationOptions> conversations,
    RecordQuery records)
{
    private const string TopicsField = "support.training.topics";

    /// <summary>Purposes listed by name; the rest are summed as "other".</summary>
    private const int TopPurposes = 10;

    private sealed record Request(string VillageCode, string? Topics, decimal? Participants, decimal? Amount, string? Purpose);

    public async Task<IResult> RenderAsync(HttpContext http, string? region)
    {
        var page = WebAuth.Page(http);
        var codes = WebRegions.Resolve(catalog, page.Staff, region);
        if (codes is null)
        {
            return page.NotFound();
        }

        var (where, parameters) = records.Where(codes, RecordFilter.None with { Status = "submitted" });
        List<Request> requests;
        await using (var connection = database.Open())
        {
            requests = (await connection.QueryAsync<(string Code, string? Topics, double? Participants, double? Amount, string? Purpose)>(new CommandDefinition(
                $"""
                SELECT s.village_code AS villagecode, json_extract(s.answers_json, '$."{TopicsField}"') AS topics,
                       CAST(json_extract(s.answers_json, '$."support.training.participants"') AS REAL) AS participants,
                       CAST(json_extract(s.answers_json, '$."support.funding.amount"') AS REAL) AS amount,
                       json_extract(s.answers_json, '$."support.funding.purpose"') AS purpose
                FROM submissions s JOIN contacts c ON c.id = s.contact_id WHERE {where}
                """, parameters, cancellationToken: http.RequestAborted)))
                .Select(r => new Request(r.Code, r.Topics, (decimal?)r.Participants, (decimal?)r.Amount, r.Purpose)).ToList();
        }

        var flow = flows[conversations.Value.Flow];
        var topicLabels = RecordFilter.Options(flow, TopicsField).ToDictionary(o => o.Key, o => o.Label.Get(page.Language), StringComparer.Ordinal);
        var single = codes.Count == 1 ? codes[0] : null;
        Func<string, string> partOf = RegionCode.LevelOf(single) switch
        {
            RegionLevel.Province => code => code[..5],
            RegionLevel.Regency => code => code[..8],
            RegionLevel.District or RegionLevel.Village => code => code,
            _ => code => codes.First(c => RegionCode.IsWithin(code, c)),
        };

        var body = new StringBuilder(32 * 1024);
        body.Append($"<h1>{page.TE("requests_title")}</h1>").Append(WebRegions.Breadcrumb(catalog, page, single == null || region is null ? null : single, "/admin/requests"));
        var training = requests.Where(r => r.Topics is not null || r.Participants is not null).ToList();
        var funding = requests.Where(r => r.Amount is > 0).ToList();
        body.Append($"<p class=summary>{page.TE("requests_summary", ("villages", Html.N(requests.Count)), ("training", Html.N(training.Count)), ("participants", Html.N(training.Sum(r => r.Participants ?? 0))), ("funding", Html.N(funding.Count)), ("sum", Money(funding.Sum(r => r.Amount!.Value))), ("median", Money(Median(funding.Select(r => r.Amount!.Value)))))}</p>");

        // By region.
        body.Append($"<h2>{page.TE("requests_by_region")}</h2><div class=scroll><table><thead><tr><th>{page.TE("col_region")}</th>")
            .Append($"<th class=num>{page.TE("col_training_villages")}</th><th class=num>{page.TE("col_participants")}</th><th class=num>{page.TE("col_funding_villages")}</th>")
            .Append($"<th class=num>{page.TE("col_funding_sum")}</th><th class=num>{page.TE("col_funding_median")}</th></tr></thead><tbody>");
        var byRegion = requests.GroupBy(r => partOf(r.VillageCode)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var group in byRegion)
        {
            var amounts = group.Where(r => r.Amount is > 0).Select(r => r.Amount!.Value).ToList();
            var name = Html.E(catalog.Name(group.Key) ?? group.Key);
            var link = RegionCode.LevelOf(group.Key) == RegionLevel.Village ? name : $"<a href=\"/admin/requests?region={group.Key}\">{name}</a>";
            body.Append($"<tr><td>{link}</td><td class=num>{Html.N(group.Count(r => r.Topics is not null || r.Participants is not null))}</td>")
                .Append($"<td class=num>{Html.N(group.Sum(r => r.Participants ?? 0))}</td><td class=num>{Html.N(amounts.Count)}</td>")
                .Append($"<td class=num>{Money(amounts.Sum())}</td><td class=num>{Money(Median(amounts))}</td></tr>");
        }

        body.Append("</tbody></table></div>");
        body.Append(Svg.Bars(byRegion.Select(g => (catalog.Name(g.Key) ?? g.Key, g.Where(r => r.Amount is > 0).Sum(r => r.Amount!.Value), Money(g.Where(r => r.Amount is > 0).Sum(r => r.Amount!.Value)))).ToList(), page.T("col_funding_sum")));

        // Training topics.
        var topics = training.SelectMany(r => Keys(r.Topics)).GroupBy(k => k).Select(g => (Key: g.Key, Count: g.Count())).OrderByDescending(t => t.Count).ToList();
        body.Append($"<h2>{page.TE("requests_topics")}</h2>");
        body.Append(Svg.Bars(topics.Select(t => (topicLabels.GetValueOrDefault(t.Key, t.Key), (decimal)t.Count, Html.N(t.Count))).ToList(), page.T("requests_topics")));

        // Funding by purpose: the same words grouped (case and spaces aside), the most asked first.
        var purposes = funding.GroupBy(r => Purpose(r.Purpose)).Select(g => (Purpose: g.Key, Count: g.Count(), Sum: g.Sum(r => r.Amount!.Value)))
            .OrderByDescending(p => p.Sum).ToList();
        var shown = purposes.Take(TopPurposes).ToList();
        if (purposes.Count > TopPurposes)
        {
            var rest = purposes.Skip(TopPurposes).ToList();
            shown.Add((page.T("purpose_other"), rest.Sum(p => p.Count), rest.Sum(p => p.Sum)));
        }

        body.Append($"<h2>{page.TE("requests_purposes")}</h2>");
        body.Append(Svg.Bars(shown.Select(p => (p.Purpose.Length == 0 ? page.T("purpose_none") : p.Purpose, p.Sum, Money(p.Sum))).ToList(), page.T("requests_purposes")));
        body.Append($"<div class=scroll><table><thead><tr><th>{page.TE("col_purpose")}</th><th class=num>{page.TE("col_funding_villages")}</th><th class=num>{page.TE("col_funding_sum")}</th></tr></thead><tbody>");
        foreach (var (purpose, count, sum) in shown)
        {
            body.Append($"<tr><td>{Html.E(purpose.Length == 0 ? page.T("purpose_none") : purpose)}</td><td class=num>{Html.N(count)}</td><td class=num>{Money(sum)}</td></tr>");
        }

        body.Append("</tbody></table></div>");
        return page.Render("requests_title", body.ToString());
    }

    private static IEnumerable<string> Keys(string? json) =>
        json is not null && JsonNode.Parse(json) is JsonArray keys ? keys.Select(k => k?.ToString() ?? "").Where(k => k.Length > 0) : [];

    private static string Purpose(string? text) => string.Join(' ', (text ?? "").ToLower(CultureInfo.GetCultureInfo("id-ID")).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Money(decimal amount) => "Rp " + amount.ToString("N0", Html.Indonesian);

    private static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
