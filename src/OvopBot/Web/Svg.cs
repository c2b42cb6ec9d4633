using System.Globalization;
using System.Text;
using OvopBot.Regions;

namespace OvopBot.Web;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, nothing fetched, readable by screen readers through titles,
/// and scaled to the screen's width by the viewBox.
/// </summary>
public static class Svg
{
    /// <summary>Villages up to this many get a tile each with its name (a tap opens its records).</summary>
    public const int NamedTiles = 400;

    /// <summary>Above this many villages the chart would weigh more than the page it sits on; a region must be chosen.</summary>
    public const int MaxTiles = 5000;

    private const int Tile = 10;
    private const int Step = 12;
    private const int Columns = 30;

    /// <summary>The state of one tile: its CSS class (colour) and its caption.</summary>
    public sealed record TileState(string CssClass, string Caption);

    /// <summary>
    /// One tile per village, in code order, coloured by its state. Small regions get a named, linked tile per village;
    /// larger ones one path per state (a few bytes a village), so a whole province stays light.
    /// </summary>
    public static string Tiles(IReadOnlyList<(Village Village, TileState State)> villages, string label)
    {
        ArgumentNullException.ThrowIfNull(villages);
        var rows = (villages.Count + Columns - 1) / Columns;
        var svg = new StringBuilder(villages.Count * 24 + 256);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=tiles viewBox=\"0 0 {Columns * Step} {Math.Max(rows, 1) * Step}\" role=img aria-label=\"{Html.E(label)}\">");
        if (villages.Count <= NamedTiles)
        {
            for (var i = 0; i < villages.Count; i++)
            {
                var (village, state) = villages[i];
                svg.Append(CultureInfo.InvariantCulture,
                    $"<a href=\"/admin/records?region={village.Code}\"><rect x={i % Columns * Step} y={i / Columns * Step} width={Tile} height={Tile} class={state.CssClass}><title>{Html.E(village.Name)}: {Html.E(state.Caption)}</title></rect></a>");
            }
        }
        else
        {
            foreach (var group in villages.Select((v, i) => (v.State, i)).GroupBy(t => t.State.CssClass))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path class={group.Key} d=\"");
                foreach (var (_, i) in group)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"M{i % Columns * Step} {i / Columns * Step}h{Tile}v{Tile}h-{Tile}z");
                }

                svg.Append("\"/>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars, one per row, the longest full width; values written at the bar's end.</summary>
    public static string Bars(IReadOnlyList<(string Label, decimal Value, string Shown)> rows, string label)
    {
        ArgumentNullException.ThrowIfNull(rows);
        const int width = 320;
        const int height = 22;
        var max = rows.Count == 0 ? 1 : Math.Max(rows.Max(r => r.Value), 1);
        var svg = new StringBuilder(rows.Count * 200 + 128);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=bars viewBox=\"0 0 {width} {Math.Max(rows.Count, 1) * height}\" role=img aria-label=\"{Html.E(label)}\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var (name, value, shown) = rows[i];
            var length = (double)(value / max) * (width - 175);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=0 y={i * height + 15}>{Html.E(Shorten(name, 18))}</text><rect x=110 y={i * height + 4} width={length:0.#} height=14><title>{Html.E(name)}: {Html.E(shown)}</title></rect><text x={110 + length + 3:0.#} y={i * height + 15} class=value>{Html.E(shown)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
