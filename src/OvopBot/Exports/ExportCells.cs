using System.Globalization;

namespace OvopBot.Exports;

/// <summary>The text forms of cell values shared by CSV and JSONL: invariant numbers, WITA times.</summary>
internal static class ExportCells
{
    public const string ListSeparator = "; ";

    /// <summary>A time as a spreadsheet parses it in any locale: <c>2026-11-23 09:00:00</c>, in WITA.</summary>
    public static string Time(DateTimeOffset time) =>
        Wita.From(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A time for machines: ISO 8601 with the WITA offset, <c>2026-11-23T09:00:00+08:00</c>.</summary>
    public static string IsoTime(DateTimeOffset time) =>
        Wita.From(time).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Number(object value) => value switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Any cell value as one line of text (lists joined), before spreadsheet neutralisation.</summary>
    public static string Text(object value) => value switch
    {
        string s => s,
        DateTimeOffset t => Time(t),
        string[] list => string.Join(ListSeparator, list),
        _ => Number(value),
    };
}
