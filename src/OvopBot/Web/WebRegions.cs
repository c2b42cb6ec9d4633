using System.Text;
using OvopBot.Regions;

namespace OvopBot.Web;

/// <summary>Region codes in URLs: checked against the staff member's scope, and drawn as breadcrumbs and choices.</summary>
public static class WebRegions
{
    /// <summary>
    /// The codes a page covers: the one asked for, when it is a known code inside the staff member's scope; the whole
    /// scope when none is asked for; null (the page answers 404) for anything else, so another region's code looks
    /// exactly like a code that does not exist.
    /// </summary>
    public static IReadOnlyList<string>? Resolve(RegionCatalog catalog, WebStaff staff, string? region)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(staff);
        if (string.IsNullOrEmpty(region))
        {
            return staff.Scopes;
        }

        var code = region.Length <= 20 ? RegionCode.Normalize(region) : null;
        return code is not null && catalog.Contains(code) && staff.Covers(code) ? [code] : null;
    }

    /// <summary>Province › regency › district links down to the region; levels above the staff member's scope are plain text.</summary>
    public static string Breadcrumb(RegionCatalog catalog, WebPage page, string? region, string basePath)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(page);
        var html = new StringBuilder("<nav aria-label=breadcrumb class=crumbs><a href=\"").Append(basePath).Append("\">").Append(page.TE("all_my_areas")).Append("</a>");
        if (region is null)
        {
            return html.Append("</nav>").ToString();
        }

        var chain = new List<string>();
        for (var code = region; code is not null; code = RegionCode.Parent(code))
        {
            chain.Insert(0, code);
        }

        foreach (var code in chain)
        {
            var name = Html.E(catalog.Name(code) ?? code);
            html.Append(" › ").Append(page.Staff.Covers(code) && code != region
                ? $"<a href=\"{basePath}?region={code}\">{name}</a>"
                : name);
        }

        return html.Append("</nav>").ToString();
    }

    /// <summary>The regions a staff member picks from: each scope and the parts one and two levels below it, in code order.</summary>
    public static IReadOnlyList<(string Code, string Name)> Choices(RegionCatalog catalog, WebStaff staff)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(staff);
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var scope in staff.Scopes)
        {
            codes.Add(scope);
            switch (RegionCode.LevelOf(scope))
            {
                case RegionLevel.Province:
                    foreach (var regency in catalog.RegenciesOf(scope))
                    {
                        codes.Add(regency.Code);
                    }

                    break;
                case RegionLevel.Regency:
                    foreach (var district in catalog.DistrictsOf(scope))
                    {
                        codes.Add(district.Code);
                    }

                    break;
            }
        }

        return codes.Select(c => (c, Indent(c) + (catalog.Name(c) ?? c))).ToList();
    }

    /// <summary>A select's options; the chosen one marked.</summary>
    public static string Options(IReadOnlyList<(string Code, string Name)> choices, string? selected, string? emptyLabel)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var html = new StringBuilder();
        if (emptyLabel is not null)
        {
            html.Append($"<option value=\"\">{Html.E(emptyLabel)}</option>");
        }

        foreach (var (code, name) in choices)
        {
            html.Append($"<option value=\"{code}\"{(code == selected ? " selected" : "")}>{Html.E(name)}</option>");
        }

        return html.ToString();
    }

    private static string Indent(string code) => RegionCode.LevelOf(code) switch
    {
        RegionLevel.Regency => "\u00a0\u00a0",
        RegionLevel.District => "\u00a0\u00a0\u00a0\u00a0",
        _ => "",
    };
}
