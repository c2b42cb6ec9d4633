using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OvopBot.Exports;

/// <summary>
/// An Excel workbook written as it streams: each sheet's XML goes through <see cref="OpenXmlWriter"/> straight into
/// a write-only package, so memory does not grow with the rows. Header row bold and frozen, filters on, widths set,
/// times as real dates (WITA), numbers as numbers, text as inline strings (no shared-string table to hold), phone
/// numbers as text. Text that would run as a formula keeps its value and gets Excel's quote-prefix flag.
/// </summary>
internal sealed class XlsxExportWriter : IExportWriter
{
    private static readonly OpenXmlAttribute[] InlineText = [new("t", "", "inlineStr")];
    private static readonly OpenXmlAttribute[] QuotedText =
        [new("t", "", "inlineStr"), new("s", "", XlsxStyles.QuotedText.ToString(CultureInfo.InvariantCulture))];
    private static readonly OpenXmlAttribute[] HeaderText =
        [new("t", "", "inlineStr"), new("s", "", XlsxStyles.Header.ToString(CultureInfo.InvariantCulture))];
    private static readonly OpenXmlAttribute[] DateStyle = [new("s", "", XlsxStyles.DateTime.ToString(CultureInfo.InvariantCulture))];
    private static readonly OpenXmlAttribute[] MoneyStyle = [new("s", "", XlsxStyles.Money.ToString(CultureInfo.InvariantCulture))];
    private static readonly OpenXmlAttribute[] NoAttributes = [];
    private static readonly OpenXmlAttribute[] PreserveSpace = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];

    private readonly ZipArchive _zip;
    private readonly List<(string Name, int Columns, long Rows)> _sheets = [];
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();
    private Stream? _entry;
    private OpenXmlWriter? _writer;
    private IReadOnlyList<ExportColumn> _columns = [];
    private long _rowNumber;

    public XlsxExportWriter(Stream output)
    {
        // The zip is written forward only: each sheet streams into its entry as rows arrive. (A package opened
        // through the SDK for writing is read-write, and a read-write zip buffers every part in memory until it is
        // closed: a million rows would not fit.) The small parts come from the SDK at the end, see Complete.
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
    }

    public bool SupportsManyTables => true;

    public void BeginTable(string name, IReadOnlyList<ExportColumn> columns)
    {
        _columns = columns;
        _entry = _zip.CreateEntry(SheetPath(_sheets.Count + 1), CompressionLevel.Fastest).Open();
        _writer = OpenXmlWriter.Create(_entry);
        _writer.WriteStartElement(new Worksheet());
        // Freeze the header row: it stays in view while scrolling.
        _writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        var cols = new Columns();
        for (var i = 0; i < columns.Count; i++)
        {
            cols.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = XlsxStyles.Width(columns[i]), CustomWidth = true });
        }

        _writer.WriteElement(cols);
        _writer.WriteStartElement(new SheetData());
        _rowNumber = 0;
        StartRow();
        foreach (var column in columns)
        {
            WriteText(CellText.ForXml(column.Header), HeaderText);
        }

        _writer.WriteEndElement();
        _sheets.Add((name, columns.Count, 0));
    }

    public void WriteRow(object?[] values)
    {
        var writer = _writer!;
        StartRow();
        for (var i = 0; i < values.Length; i++)
        {
            switch (values[i])
            {
                case null:
                    // Cells carry no reference, so an empty <c/> keeps the following cells in their columns.
                    writer.WriteStartElement(_cell, NoAttributes);
                    writer.WriteEndElement();
                    break;
                case decimal or double or long or int:
                    WriteNumber(ExportCells.Number(values[i]!), _columns[i].Type == ColumnType.Money ? MoneyStyle : NoAttributes);
                    break;
                case DateTimeOffset time:
                    WriteNumber(Wita.From(time).DateTime.ToOADate().ToString("R", CultureInfo.InvariantCulture), DateStyle);
                    break;
                case var value:
                    var text = CellText.ForXml(ExportCells.Text(value));
                    WriteText(text, CellText.LooksLikeFormula(text) ? QuotedText : InlineText);
                    break;
            }
        }

        writer.WriteEndElement();
    }

    public void EndTable()
    {
        var writer = _writer!;
        writer.WriteEndElement(); // sheetData
        var (name, columns, _) = _sheets[^1];
        var range = $"A1:{ColumnName(columns)}{Math.Max(_rowNumber, 1)}";
        writer.WriteElement(new AutoFilter { Reference = range });
        writer.WriteEndElement(); // worksheet
        writer.Close();
        _entry!.Dispose();
        _sheets[^1] = (name, columns, _rowNumber - 1);
        _writer = null;
        _entry = null;
    }

    /// <summary>
    /// Builds the rest of the workbook with the SDK in memory (workbook, styles, relationships, content types, and an
    /// empty stand-in for each sheet), then copies every part but the stand-ins into the zip beside the streamed sheets.
    /// </summary>
    public void Complete()
    {
        using var skeleton = new MemoryStream();
        var standIns = new HashSet<string>(StringComparer.Ordinal);
        using (var document = SpreadsheetDocument.Create(skeleton, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create();
            var sheets = new Sheets();
            var names = new DefinedNames();
            for (var i = 0; i < _sheets.Count; i++)
            {
                var (name, columns, rows) = _sheets[i];
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                sheetPart.Worksheet = new Worksheet(new SheetData());
                var path = sheetPart.Uri.OriginalString.TrimStart('/');
                if (path != SheetPath(i + 1))
                {
                    throw new InvalidOperationException($"The SDK named sheet {i + 1} '{path}', not '{SheetPath(i + 1)}'.");
                }

                standIns.Add(path);
                sheets.Append(new Sheet { Name = name, SheetId = (uint)(i + 1), Id = workbookPart.GetIdOfPart(sheetPart) });
                // Excel keeps a sheet's filter range in this hidden name; without it, it offers to repair the file.
                names.Append(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${ColumnName(columns)}${rows + 1}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)i,
                    Hidden = true,
                });
            }

            workbookPart.Workbook = new Workbook(sheets, names);
        }

        skeleton.Position = 0;
        using (var template = new ZipArchive(skeleton, ZipArchiveMode.Read))
        {
            foreach (var entry in template.Entries.Where(e => !standIns.Contains(e.FullName)))
            {
                using var source = entry.Open();
                using var target = _zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                source.CopyTo(target);
            }
        }

        _zip.Dispose();
    }

    private static string SheetPath(int number) => $"xl/worksheets/sheet{number}.xml";

    /// <summary>The spreadsheet name of a 1-based column number: 1 → A, 27 → AA.</summary>
    public static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            var rest = (number - 1) % 26;
            name = (char)('A' + rest) + name;
            number = (number - 1) / 26;
        }

        return name;
    }

    private void StartRow()
    {
        _rowNumber++;
        _writer!.WriteStartElement(_row, [new OpenXmlAttribute("r", "", _rowNumber.ToString(CultureInfo.InvariantCulture))]);
    }

    private void WriteNumber(string number, OpenXmlAttribute[] attributes)
    {
        var writer = _writer!;
        writer.WriteStartElement(_cell, attributes);
        writer.WriteStartElement(_value);
        writer.WriteString(number);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private void WriteText(string text, OpenXmlAttribute[] attributes)
    {
        var writer = _writer!;
        writer.WriteStartElement(_cell, attributes);
        writer.WriteStartElement(_inline);
        var padded = text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]));
        writer.WriteStartElement(_text, padded ? PreserveSpace : NoAttributes);
        writer.WriteString(text);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public void Dispose()
    {
        // After Complete this is a no-op; after a failure it closes an incomplete file, which the service deletes.
        _writer?.Dispose();
        _entry?.Dispose();
        _zip.Dispose();
    }
}
