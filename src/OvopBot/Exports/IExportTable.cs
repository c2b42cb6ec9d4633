using Microsoft.Data.Sqlite;

namespace OvopBot.Exports;

/// <summary>
/// One kind of export as a table: its columns, and its rows streamed from SQLite. <see cref="Rows"/> yields the
/// same buffer again and again (the writer has consumed a row before the next is read), so a row costs no array.
/// </summary>
internal interface IExportTable
{
    ExportKind Kind { get; }

    IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>How many rows <see cref="Rows"/> will yield (for the progress bar).</summary>
    long Count(SqliteConnection connection);

    IEnumerable<object?[]> Rows(SqliteConnection connection, CancellationToken cancellationToken);
}
