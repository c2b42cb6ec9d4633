using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OvopBot.Exports;
using OvopBot.Regions;

namespace OvopBot.Web;

/// <summary>
/// Exports from the dashboard through the same <see cref="ExportService"/> as the command line: any kind, for the
/// region and status of the current filter and, when given, the days (WITA) from and until, as CSV (streamed straight to the browser) or XLSX (made in a temporary
/// file, which a zip needs, then streamed and deleted). Another region's code answers 404.
/// </summary>
public sealed class ExportsPage(RegionCatalog catalog, ExportService exports)
{
    private static readonly ExportKind[] Kinds = [ExportKind.Submissions, ExportKind.Requests, ExportKind.Conversations, ExportKind.Contacts];

    public IResult Render(HttpContext http, string? region, string? status)
    {
        var page = WebAuth.Page(http);
        var codes = WebRegions.Resolve(catalog, page.Staff, region);
        if (codes is null)
        {
            return page.NotFound();
        }

        var body = new StringBuilder($"<h1>{page.TE("nav_exports")}</h1><p>{page.TE("exports_intro")}</p>");
        body.Append("<form method=get action=/admin/export class=filters>")
            .Append($"<label>{page.TE("col_region")}<select name=region required>{WebRegions.Options(WebRegions.Choices(catalog, page.Staff), region is null ? codes[0] : codes[0], null)}</select></label>")
            .Append($"<label>{page.TE("col_status")}<select name=status><option value=\"\">{page.TE("any")}</option>");
        foreach (var s in RecordFilter.Statuses)
        {
            body.Append($"<option value={s}{(s == status ? " selected" : "")}>{page.TE("status_" + s)}</option>");
        }

        body.Append("</select></label>")
            .Append($"<label>{page.TE("export_since")}<input type=date name=since></label>")
            .Append($"<label>{page.TE("export_until")}<input type=date name=until></label>")
            .Append($"<label>{page.TE("export_kind")}<select name=kind>");
        foreach (var kind in Kinds)
        {
            body.Append($"<option value={Name(kind)}>{page.TE("export_kind_" + Name(kind))}</option>");
        }

        body.Append($"</select></label><label>{page.TE("export_format")}<select name=format><option value=xlsx>XLSX (Excel)</option><option value=csv>CSV</option></select></label>")
            .Append($"<button type=submit>{page.TE("export_download")}</button></form>");
        return page.Render("nav_exports", body.ToString());
    }

    public async Task<IResult> DownloadAsync(HttpContext http)
    {
        var page = WebAuth.Page(http);
        var query = http.Request.Query;
        var region = query["region"].ToString();
        var codes = WebRegions.Resolve(catalog, page.Staff, region.Length == 0 ? null : region);
        if (codes is null)
        {
            return page.NotFound();
        }

        if (codes.Count != 1)
        {
            // An export filter holds one region; a person with several picks one of them.
            return Results.Redirect("/admin/exports");
        }

        var kind = Kinds.FirstOrDefault(k => Name(k) == query["kind"].ToString(), (ExportKind)(-1));
        var format = query["format"].ToString() switch
        {
            "csv" => ExportFormat.Csv,
            "xlsx" => ExportFormat.Xlsx,
            _ => (ExportFormat?)null,
        };
        var status = query["status"].ToString();
        if (!Enum.IsDefined(kind) || format is null || (status.Length > 0 && !RecordFilter.Statuses.Contains(status))
            || !TryDay(query["since"].ToString(), out var since) || !TryDay(query["until"].ToString(), out var until) || since > until)
        {
            return Results.BadRequest();
        }

        var filter = new ExportFilter(codes[0], since, until, status.Length == 0 ? null : status);
        var request = ExportRequest.Of(kind, format.Value, filter, page.Language);
        var name = $"ovop-{Name(kind)}-{codes[0]}-{DateTime.UtcNow:yyyyMMdd-HHmm}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        http.Response.Headers.CacheControl = "no-store";
        if (format == ExportFormat.Csv)
        {
            // The export writer is synchronous; this one response may block its thread while rows stream out.
            http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
            http.Response.ContentType = "text/csv; charset=utf-8";
            await Task.Run(() => exports.ExportToStream(request, http.Response.Body, cancellationToken: http.RequestAborted), http.RequestAborted);
            return Results.Empty;
        }

        var temporary = Path.Combine(Path.GetTempPath(), $"ovop-web-{Guid.NewGuid():N}.xlsx");
        await Task.Run(() => exports.ExportToFile(request, temporary, cancellationToken: http.RequestAborted), http.RequestAborted);
        var stream = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private static string Name(ExportKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A day from a date input (yyyy-MM-dd), or none when left empty; false for anything else.</summary>
    private static bool TryDay(string text, out DateOnly? day)
    {
        day = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }
}
