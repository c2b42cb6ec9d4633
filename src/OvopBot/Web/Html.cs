using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace OvopBot.Web;

/// <summary>
/// Escaping for the server-rendered pages. Every value that comes from the store or the request goes through
/// <see cref="E"/> (element text and quoted attributes alike); pages never build markup from unescaped input.
/// </summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => string.IsNullOrEmpty(text) ? "" : Encoder.Encode(text);

    /// <summary>A query-string value.</summary>
    public static string U(string? text) => Uri.EscapeDataString(text ?? "");

    public static string N(long value) => value.ToString("N0", Indonesian);

    public static string N(decimal value) => value.ToString("N0", Indonesian);

    /// <summary>A percentage of a total, one decimal; "–" when the total is zero.</summary>
    public static string Percent(long part, long total) =>
        total == 0 ? "–" : (100.0 * part / total).ToString("0.0", Indonesian) + " %";

    /// <summary>Thousands with dots, as Indonesian readers (and Excel in Indonesian) write them.</summary>
    public static CultureInfo Indonesian { get; } = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>A stored UTC time in WITA (UTC+8), as NTT's staff read it.</summary>
    public static string Time(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
