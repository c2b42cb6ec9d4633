using System.Text;
using Microsoft.AspNetCore.Http;
using OvopBot.Regions;

namespace OvopBot.Web;

/// <summary>
/// Progress: the staff member's area (or one region of it) split one level down (province → regencies → districts →
/// villages), with counts and percentages submitted / verified / in progress / not started, a tile per village, and
/// the villages still missing with links to call or message the person who started them.
/// </summary>
public sealed class ProgressPage(RegionCatalog catalog, RegionStatusQuery status, IRecordReviews reviews)
{
    /// <summary>Missing villages listed per page.</summary>
    public const int MissingPageSize = 100;

    private enum State
    {
        NotStarted,
        InProgress,
        Submitted,
        Verified,
    }

    public async Task<IResult> RenderAsync(HttpContext http, string? region, int? missingPage)
    {
        var page = WebAuth.Page(http);
        var codes = WebRegions.Resolve(catalog, page.Staff, region);
        if (codes is null)
        {
            return page.NotFound();
        }

        var progress = await status.ProgressByVillageAsync(http.RequestAborted);
        var verified = await reviews.VerifiedVillagesAsync(http.RequestAborted);
        var villages = catalog.VillagesIn(codes);
        State StateOf(Village v) => progress.GetValueOrDefault(v.Code) switch
        {
            VillageProgress.Submitted => verified.Contains(v.Code) ? State.Verified : State.Submitted,
            VillageProgress.InProgress => State.InProgress,
            _ => State.NotStarted,
        };

        var single = codes.Count == 1 ? codes[0] : null;
        var level = single is null ? (RegionLevel?)null : RegionCode.LevelOf(single);
        var body = new StringBuilder(64 * 1024);
        body.Append($"<h1>{page.TE("progress_title")}</h1>");
        body.Append(WebRegions.Breadcrumb(catalog, page, single, "/admin"));

        // Rows: the scopes themselves, or the parts one level down.
        var rows = new List<(string Code, string Name, int[] Counts)>();
        if (level is RegionLevel.District or RegionLevel.Village)
        {
            rows = null;
        }
        else
        {
            Func<Village, string> key = level switch
            {
                null => v => codes.First(c => RegionCode.IsWithin(v.Code, c)),
                RegionLevel.Province => v => v.DistrictCode[..5],
                _ => v => v.DistrictCode,
            };
            foreach (var group in villages.GroupBy(key))
            {
                var counts = new int[4];
                foreach (var v in group)
                {
                    counts[(int)StateOf(v)]++;
                }

                rows.Add((group.Key, catalog.Name(group.Key) ?? group.Key, counts));
            }
        }

        var total = new int[4];
        foreach (var v in villages)
        {
            total[(int)StateOf(v)]++;
        }

        body.Append(Summary(page, total, villages.Count));
        if (rows is not null)
        {
            body.Append("<div class=scroll><table><thead><tr>")
                .Append($"<th>{page.TE("col_region")}</th><th class=num>{page.TE("col_villages")}</th><th class=num>{page.TE("col_submitted")}</th>")
                .Append($"<th class=num>{page.TE("col_verified")}</th><th class=num>{page.TE("col_in_progress")}</th><th class=num>{page.TE("col_not_started")}</th>")
                .Append("</tr></thead><tbody>");
            foreach (var (code, name, counts) in rows)
            {
                var all = counts.Sum();
                var submitted = counts[(int)State.Submitted] + counts[(int)State.Verified];
                body.Append($"<tr><td><a href=\"/admin?region={code}\">{Html.E(name)}</a></td><td class=num>{Html.N(all)}</td>")
                    .Append($"<td class=num>{Html.N(submitted)} <small>{Html.Percent(submitted, all)}</small></td>")
                    .Append($"<td class=num>{Html.N(counts[(int)State.Verified])} <small>{Html.Percent(counts[(int)State.Verified], all)}</small></td>")
                    .Append($"<td class=num>{Html.N(counts[(int)State.InProgress])} <small>{Html.Percent(counts[(int)State.InProgress], all)}</small></td>")
                    .Append($"<td class=num>{Html.N(counts[(int)State.NotStarted])} <small>{Html.Percent(counts[(int)State.NotStarted], all)}</small></td></tr>");
            }

            body.Append("</tbody></table></div>");
        }

        body.Append($"<h2>{page.TE("tiles_title")}</h2>");
        if (villages.Count > Svg.MaxTiles)
        {
            body.Append($"<p>{page.TE("tiles_too_many", ("count", Html.N(villages.Count)))}</p>");
        }
        else
        {
            var captions = Enum.GetValues<State>().ToDictionary(s => s, s => new Svg.TileState(CssClass(s), page.T(Caption(s))));
            body.Append(Svg.Tiles(villages.Select(v => (v, captions[StateOf(v)])).ToList(), page.T("tiles_title")));
            body.Append("<p class=legend>");
            foreach (var s in Enum.GetValues<State>().Reverse())
            {
                body.Append($"<span><i class={CssClass(s)}></i>{page.TE(Caption(s))}</span> ");
            }

            body.Append("</p>");
        }

        if (level is RegionLevel.Regency or RegionLevel.District or RegionLevel.Village)
        {
            await MissingAsync(body, page, codes, Math.Max(1, missingPage ?? 1), single!, http.RequestAborted);
        }

        return page.Render("progress_title", body.ToString());
    }

    private async Task MissingAsync(StringBuilder body, WebPage page, IReadOnlyList<string> codes, int number, string region, CancellationToken cancellationToken)
    {
        var missing = await status.MissingAsync(codes, cancellationToken);
        body.Append($"<h2 id=missing>{page.TE("missing_title", ("count", Html.N(missing.Count)))}</h2>");
        if (missing.Count == 0)
        {
            body.Append($"<p>{page.TE("missing_none")}</p>");
            return;
        }

        var pages = (missing.Count + MissingPageSize - 1) / MissingPageSize;
        number = Math.Min(number, pages);
        body.Append("<div class=scroll><table><thead><tr>")
            .Append($"<th>{page.TE("col_village")}</th><th>{page.TE("col_district")}</th><th>{page.TE("col_state")}</th><th>{page.TE("col_contact")}</th></tr></thead><tbody>");
        foreach (var m in missing.Skip((number - 1) * MissingPageSize).Take(MissingPageSize))
        {
            var state = m.Progress == VillageProgress.InProgress ? "state_in_progress" : "state_not_started";
            body.Append($"<tr><td>{Html.E(m.Location.Village.Name)}</td><td>{Html.E(m.Location.District.Name)}</td><td>{page.TE(state)}</td>")
                .Append($"<td>{(m.Contact is null ? page.TE("no_contact") : ContactLinks.Render(m.Contact, m.Phone, m.ContactName))}</td></tr>");
        }

        body.Append("</tbody></table></div>");
        body.Append(WebPaging.Links(page, number, pages, n => $"/admin?region={region}&missing={n}#missing"));
    }

    private static string Summary(WebPage page, int[] total, int villages)
    {
        var submitted = total[(int)State.Submitted] + total[(int)State.Verified];
        return $"<p class=summary><strong>{Html.N(villages)}</strong> {page.TE("villages")} · " +
            $"<span class=s-sub>{page.TE("col_submitted")} {Html.N(submitted)} ({Html.Percent(submitted, villages)})</span> · " +
            $"<span class=s-ver>{page.TE("col_verified")} {Html.N(total[(int)State.Verified])} ({Html.Percent(total[(int)State.Verified], villages)})</span> · " +
            $"<span class=s-pro>{page.TE("col_in_progress")} {Html.N(total[(int)State.InProgress])} ({Html.Percent(total[(int)State.InProgress], villages)})</span> · " +
            $"<span class=s-not>{page.TE("col_not_started")} {Html.N(total[(int)State.NotStarted])} ({Html.Percent(total[(int)State.NotStarted], villages)})</span></p>";
    }

    private static string CssClass(State state) => state switch
    {
        State.Verified => "s-ver",
        State.Submitted => "s-sub",
        State.InProgress => "s-pro",
        _ => "s-not",
    };

    private static string Caption(State state) => state switch
    {
        State.Verified => "state_verified",
        State.Submitted => "state_submitted",
        State.InProgress => "state_in_progress",
        _ => "state_not_started",
    };
}
