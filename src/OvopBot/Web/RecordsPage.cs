using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OvopBot.Conversations;
using OvopBot.Flows.Answers;
using OvopBot.Flows.Loading;
using OvopBot.Regions;

namespace OvopBot.Web;

/// <summary>Records: the submissions in scope, filtered, sorted and paged, each linking to its page; the filter exports as it is.</summary>
public sealed class RecordsPage(RegionCatalog catalog, FlowCatalog flows, IOptions<ConversationOptions> conversations, RecordQuery records,
    IRecordReviews reviews, IOptions<WebOptions> options)
{
    public async Task<IResult> RenderAsync(HttpContext http)
    {
        var page = WebAuth.Page(http);
        var flow = flows[conversations.Value.Flow];
        var filter = RecordFilter.Parse(http.Request.Query, flow, reviews.States);
        var codes = WebRegions.Resolve(catalog, page.Staff, filter.Region);
        if (codes is null)
        {
            return page.NotFound();
        }

        var size = Math.Clamp(options.Value.PageSize, 10, 500);
        var (total, rows) = await records.PageAsync(codes, filter, size, http.RequestAborted);
        var pages = (int)Math.Max(1, (total + size - 1) / size);
        var current = Math.Min(filter.Page, pages);
        var categories = RecordFilter.Options(flow, RecordFilter.CategoryField);
        var supports = RecordFilter.Options(flow, RecordFilter.SupportField);

        var body = new StringBuilder(48 * 1024);
        body.Append($"<h1>{page.TE("records_title")}</h1>");
        if (filter.Ignored.Count > 0)
        {
            body.Append($"<p role=alert class=note>{page.TE("filter_ignored", ("names", string.Join(", ", filter.Ignored)))}</p>");
        }

        body.Append("<form method=get action=/admin/records class=filters>")
            .Append($"<label>{page.TE("col_region")}<select name=region>{WebRegions.Options(WebRegions.Choices(catalog, page.Staff), codes.Count == 1 && filter.Region is not null ? codes[0] : null, page.T("all_my_areas"))}</select></label>")
            .Append(Select(page, "status", "col_status", filter.Status, RecordFilter.Statuses.Select(s => (s, page.T("status_" + s)))))
            .Append(reviews.States.Count == 0 ? "" : Select(page, "review", "col_review", filter.Review, reviews.States.Select(s => (s, page.T("review_" + s)))))
            .Append(Select(page, "category", "col_category", filter.Category, categories.Select(o => (o.Key, o.Label.Get(page.Language)))))
            .Append(Select(page, "support", "col_support", filter.Support, supports.Select(o => (o.Key, o.Label.Get(page.Language)))))
            .Append($"<label>{page.TE("search")}<input type=search name=q maxlength={RecordFilter.MaxTextLength} value=\"{Html.E(filter.Text)}\"></label>")
            .Append(Select(page, "sort", "sort", filter.Sort, RecordFilter.Sorts.Select(s => (s, page.T("sort_" + s))), empty: false))
            .Append($"<label><input type=checkbox name=dir value=desc{(filter.Descending ? " checked" : "")}> {page.TE("descending")}</label>")
            .Append($"<button type=submit>{page.TE("apply")}</button></form>");

        body.Append($"<p>{page.TE("records_count", ("count", Html.N(total)))} · ")
            .Append($"{page.TE("export_this")} <a href=\"{Html.E(filter.Url("/admin/export", page: 1, extra: [("kind", "submissions"), ("format", "csv")]))}\" download>CSV</a> · ")
            .Append($"<a href=\"{Html.E(filter.Url("/admin/export", page: 1, extra: [("kind", "submissions"), ("format", "xlsx")]))}\" download>XLSX</a></p>");

        body.Append("<div class=scroll><table><thead><tr>")
            .Append(Header(page, filter, "reference", "col_reference")).Append(Header(page, filter, "village", "col_village"))
            .Append(Header(page, filter, "product", "col_product"))
            .Append($"<th>{page.TE("col_category")}</th><th>{page.TE("col_support")}</th><th>{page.TE("col_status")}</th>")
            .Append(Header(page, filter, "updated", "col_updated")).Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            var label = (string field, string? key) => key is null ? "" : Html.E(RecordFilter.Options(flow, field).FirstOrDefault(o => o.Key == key)?.Label.Get(page.Language) ?? key);
            body.Append($"<tr><td><a href=\"/admin/records/{row.Id}\">{Html.E(row.Reference ?? "#" + row.Id)}</a></td>")
                .Append($"<td>{Html.E(row.VillageName)}</td><td>{Html.E(row.Product)}</td>")
                .Append($"<td>{label(RecordFilter.CategoryField, row.Category)}</td><td>{label(RecordFilter.SupportField, row.Support)}</td>")
                .Append($"<td>{page.TE("status_" + row.Status)}</td><td>{Html.E(Html.Time(Storage.DbTime.Read(row.UpdatedAt)))}</td></tr>");
        }

        body.Append("</tbody></table></div>");
        if (rows.Count == 0)
        {
            body.Append($"<p>{page.TE("records_none")}</p>");
        }

        body.Append(WebPaging.Links(page, current, pages, n => filter.Url("/admin/records", page: n)));
        return page.Render("records_title", body.ToString());
    }

    private static string Header(WebPage page, RecordFilter filter, string sort, string key)
    {
        var descending = filter.Sort == sort && !filter.Descending;
        var mark = filter.Sort == sort ? (filter.Descending ? " ▼" : " ▲") : "";
        return $"<th><a href=\"{Html.E(filter.Url("/admin/records", page: 1, sort: sort, descending: descending))}\">{page.TE(key)}{mark}</a></th>";
    }

    private static string Select(WebPage page, string name, string labelKey, string? selected, IEnumerable<(string Value, string Label)> options, bool empty = true)
    {
        var html = new StringBuilder($"<label>{page.TE(labelKey)}<select name={name}>");
        if (empty)
        {
            html.Append($"<option value=\"\">{page.TE("any")}</option>");
        }

        foreach (var (value, label) in options)
        {
            html.Append($"<option value=\"{Html.E(value)}\"{(value == selected ? " selected" : "")}>{Html.E(label)}</option>");
        }

        return html.Append("</select></label>").ToString();
    }
}
