using System.Text;
using Microsoft.AspNetCore.Http;
using OvopBot.Regions;

namespace OvopBot.Web;

/// <summary>
/// Progress: the staff member's area (or one region of it) split one level down (province → regencies → districts →
/// villages), with counts and percentages submitted / verified / in progress / not started, a tile per village, and
/// the villages still missing with links to call or message the person who started them.
/// </summary>
public sealed class ProgressPage(RegionCatalog catalog, ProgressQuery progress, IRecordReviews reviews)
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
        var resolved = WebRegions.Resolve(catalog, page.Staff, region);
        if (resolved is null)
        {
            return page.NotFound();
        }

        // A code inside another of the list adds nothing (53.01 inside 53).
        var codes = resolved.Where(c => !resolved.Any(o => o != c && RegionCode.IsWithin(c, o))).Distinct(StringComparer.Ordinal).ToList();
        var single = codes.Count == 1 ? codes[0] : null;
        var level = single is null ? (RegionLevel?)null : RegionCode.LevelOf(single);
        var villageCount = codes.Sum(c => RegionCode.LevelOf(c) == RegionLevel.Village ? 1 : catalog.VillagesOf(c).Count);
        var verified = await reviews.VerifiedVillagesAsync(http.RequestAborted);

        // Small areas: every village's state and contact (tiles, missing list). Large ones: counts in SQL only.
        Dictionary<string, ProgressQuery.Started>? started = null;
        IReadOnlyList<Village> villages = [];
        if (villageCount <= Svg.MaxTiles)
        {
            started = new Dictionary<string, ProgressQuery.Started>(StringComparer.Ordinal);
            var list = new List<Village>();
            foreach (var code in codes)
            {
                var isVillage = RegionCode.LevelOf(code) == RegionLevel.Village;
                foreach (var (village, state) in await progress.VillagesAsync(isVillage ? RegionCode.Parent(code)! : code, http.RequestAborted))
                {
                    started[village] = state;
                }

                list.AddRange(isVillage ? [catalog.Village(code)!] : catalog.VillagesOf(code));
            }

            villages = list;
        }

        State StateOf(string village) => started!.TryGetValue(village, out var s)
            ? s.Submitted ? verified.Contains(village) ? State.Verified : State.Submitted : State.InProgress
            : State.NotStarted;

        var body = new StringBuilder(64 * 1024);
        body.Append($"<h1>{page.TE("progress_title")}</h1>");
        body.Append(WebRegions.Breadcrumb(catalog, page, single, "/admin"));

        // Rows: the scopes themselves, or the parts one level down; none below a district.
        var rows = new List<(string Code, int[] Counts)>();
        if (level is not (RegionLevel.District or RegionLevel.Village))
        {
            var parts = level switch
            {
                RegionLevel.Province => catalog.RegenciesOf(single!).Select(r => r.Code).ToList(),
                RegionLevel.Regency => catalog.DistrictsOf(single!).Select(d => d.Code).ToList(),
                _ => codes,
            };
            var counted = new Dictionary<string, (int Submitted, int InProgress)>(StringComparer.Ordinal);
            foreach (var code in level is null ? codes : [single!])
            {
                var length = level is null ? code.Length : parts.Count > 0 ? parts[0].Length : code.Length;
                foreach (var (part, counts) in await progress.PartsAsync(code, length, http.RequestAborted))
                {
                    counted[part] = counts;
                }
            }

            foreach (var part in parts)
            {
                var (submitted, inProgress) = counted.GetValueOrDefault(part);
                var verifiedHere = verified.Count(v => RegionCode.IsWithin(v, part));
                var all = catalog.VillagesOf(part).Count;
                rows.Add((part, [all - submitted - inProgress, inProgress, submitted - verifiedHere, verifiedHere]));
            }
        }

        var total = new int[4];
        if (started is not null)
        {
            foreach (var v in villages)
            {
                total[(int)StateOf(v.Code)]++;
            }
        }
        else
        {
            foreach (var (_, counts) in rows)
            {
                for (var i = 0; i < 4; i++)
                {
                    total[i] += counts[i];
                }
            }
        }

        body.Append(Summary(page, total, villageCount));
        if (rows.Count > 0)
        {
            body.Append("<div class=scroll><table><thead><tr>")
                .Append($"<th>{page.TE("col_region")}</th><th class=num>{page.TE("col_villages")}</th><th class=num>{page.TE("col_submitted")}</th>")
                .Append($"<th class=num>{page.TE("col_verified")}</th><th class=num>{page.TE("col_in_progress")}</th><th class=num>{page.TE("col_not_started")}</th>")
                .Append("</tr></thead><tbody>");
            foreach (var (code, counts) in rows)
            {
                var all = counts.Sum();
                var submitted = counts[(int)State.Submitted] + counts[(int)State.Verified];
                body.Append($"<tr><td><a href=\"/admin?region={code}\">{Html.E(catalog.Name(code) ?? code)}</a></td><td class=num>{Html.N(all)}</td>")
                    .Append($"<td class=num>{Html.N(submitted)} <small>{Html.Percent(submitted, all)}</small></td>")
                    .Append($"<td class=num>{Html.N(counts[(int)State.Verified])} <small>{Html.Percent(counts[(int)State.Verified], all)}</small></td>")
                    .Append($"<td class=num>{Html.N(counts[(int)State.InProgress])} <small>{Html.Percent(counts[(int)State.InProgress], all)}</small></td>")
                    .Append($"<td class=num>{Html.N(counts[(int)State.NotStarted])} <small>{Html.Percent(counts[(int)State.NotStarted], all)}</small></td></tr>");
            }

            body.Append("</tbody></table></div>");
        }

        body.Append($"<h2>{page.TE("tiles_title")}</h2>");
        if (started is null)
        {
            body.Append($"<p>{page.TE("tiles_too_many", ("count", Html.N(villageCount)))}</p>");
            return page.Render("progress_title", body.ToString());
        }

        var captions = Enum.GetValues<State>().ToDictionary(s => s, s => new Svg.TileState(CssClass(s), page.T(Caption(s))));
        body.Append(Svg.Tiles(villages.Select(v => (v, captions[StateOf(v.Code)])).ToList(), page.T("tiles_title")));
        body.Append("<p class=legend>");
        foreach (var s in Enum.GetValues<State>().Reverse())
        {
            body.Append($"<span><i class={CssClass(s)}></i>{page.TE(Caption(s))}</span> ");
        }

        body.Append("</p>");
        Missing(body, page, villages.Where(v => started.TryGetValue(v.Code, out var s) ? !s.Submitted : true).ToList(), started,
            Math.Max(1, missingPage ?? 1), single);
        return page.Render("progress_title", body.ToString());
    }

    private void Missing(StringBuilder body, WebPage page, IReadOnlyList<Village> missing, Dictionary<string, ProgressQuery.Started> started, int number, string? region)
    {
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
        foreach (var village in missing.Skip((number - 1) * MissingPageSize).Take(MissingPageSize))
        {
            var who = started.GetValueOrDefault(village.Code);
            body.Append($"<tr><td>{Html.E(village.Name)}</td><td>{Html.E(catalog.District(village.DistrictCode)?.Name)}</td>")
                .Append($"<td>{page.TE(who is null ? "state_not_started" : "state_in_progress")}</td>")
                .Append($"<td>{(who is null ? page.TE("no_contact") : ContactLinks.Render(who.Contact, who.Phone, who.Name))}</td></tr>");
        }

        body.Append("</tbody></table></div>");
        body.Append(WebPaging.Links(page, number, pages, n => $"/admin?{(region is null ? "" : $"region={region}&")}missing={n}#missing"));
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
