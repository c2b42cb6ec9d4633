using System.Text;

namespace OvopBot.Exports;

/// <summary>
/// CSV as Excel opens it with a double-click: UTF-8 with a byte-order mark, comma-separated, CRLF line ends,
/// RFC 4180 quoting (fields with comma, quote or line break in quotes, quotes doubled), one header row. Text a
/// spreadsheet would run as a formula gets an apostrophe first (see <see cref="CellText"/>).
/// </summary>
internal sealed class CsvExportWriter(Stream output) : IExportWriter
{
    private readonly StreamWriter _writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true)
    {
        NewLine = "\r\n",
    };

    private bool _began;

    public bool SupportsManyTables => false;

    public void BeginTable(string name, IReadOnlyList<ExportColumn> columns)
    {
        if (_began)
        {
            throw new InvalidOperationException("A CSV file holds one table.");
        }

        _began = true;
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            Field(columns[i].Header);
        }

        _writer.WriteLine();
    }

    public void WriteRow(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            switch (values[i])
            {
                case null:
                    break;
                case decimal or double or long or int:
                    // Numbers are written bare (a negative number is a number, not a formula).
                    _writer.Write(ExportCells.Number(values[i]!));
                    break;
                case var value:
                    Field(ExportCells.Text(value));
                    break;
            }
        }

        _writer.WriteLine();
    }

    public void EndTable() => _writer.Flush();

    public void Complete() => _writer.Flush();

    private void Field(string text)
    {
        text = CellText.ForCsv(text);
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(text);
            return;
        }

        _writer.Write('"');
        _writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }

    public void Dispose() => _writer.Dispose();
}
