namespace OvopBot.Exports;

/// <summary>
/// Writes tables to one output, a row at a time. <see cref="Complete"/> finishes the file; disposing without it
/// leaves an incomplete file, which the service deletes (it writes under a temporary name).
/// </summary>
internal interface IExportWriter : IDisposable
{
    /// <summary>Whether the format can hold several tables (an XLSX workbook's sheets).</summary>
    bool SupportsManyTables { get; }

    void BeginTable(string name, IReadOnlyList<ExportColumn> columns);

    void WriteRow(object?[] values);

    void EndTable();

    void Complete();
}
