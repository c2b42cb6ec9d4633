using Microsoft.Data.Sqlite;

namespace OvopBot.Exports;

/// <summary>
/// The filter as SQL over the submission row <c>sub</c> (region and status) and one time column (dates in WITA, as
/// UTC bounds). Every kind filters by the region and status of the person's village, so one text serves them all.
/// </summary>
internal static class SqlFilter
{
    public static string Where(string timeColumn) =>
        $"""
        (@region IS NULL OR sub.village_code = @region OR sub.village_code LIKE @regionPrefix)
        AND (@status IS NULL OR sub.status = @status)
        AND (@since IS NULL OR {timeColumn} >= @since)
        AND (@until IS NULL OR {timeColumn} < @until)
        """;

    public static SqliteCommand Command(SqliteConnection connection, string sql, ExportFilter filter)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@region", (object?)filter.RegionCode ?? DBNull.Value);
        command.Parameters.AddWithValue("@regionPrefix", (object?)filter.RegionPrefix ?? DBNull.Value);
        command.Parameters.AddWithValue("@status", (object?)filter.Status ?? DBNull.Value);
        command.Parameters.AddWithValue("@since", (object?)filter.SinceUtc ?? DBNull.Value);
        command.Parameters.AddWithValue("@until", (object?)filter.UntilUtcExclusive ?? DBNull.Value);
        return command;
    }

    public static long Count(SqliteConnection connection, string fromAndWhere, ExportFilter filter)
    {
        using var command = Command(connection, "SELECT count(*) " + fromAndWhere, filter);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : StoredTime.Read(reader.GetString(ordinal));
}
