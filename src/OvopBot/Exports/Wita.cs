namespace OvopBot.Exports;

/// <summary>
/// Waktu Indonesia Tengah (Asia/Makassar), UTC+8 all year (no daylight saving), the clock of NTT's offices. A fixed
/// offset rather than a time-zone lookup, so exports do not depend on the machine's tz database.
/// </summary>
internal static class Wita
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    public static DateTimeOffset From(DateTimeOffset time) => time.ToOffset(Offset);
}
