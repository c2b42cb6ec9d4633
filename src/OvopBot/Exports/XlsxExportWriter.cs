using System.Globalization;
using System.IO.Packaging;
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

    private readonly Package _package;
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbookPart;
    private readonly List<(string Name, string RelationshipId, int Columns, long Rows)> _sheets = [];
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();
    private WorksheetPart? _sheetPart;
    private OpenXmlWriter? _writer;
    private IReadOnlyList<ExportColumn> _columns = [];
    private long _rowNumber;

    public XlsxExportWriter(Stream output)
    {
        // A write-only package streams each part into the zip as it is written (a read-write one would buffer every
        // part in memory until the end).
        _package = Package.Open(output, FileMode.Create, FileAccess.Write);
        _document = SpreadsheetDocument.Create(_package, SpreadsheetDocumentType.Workbook, autoSave: false);
        _workbookPart = _document.AddWorkbookPart();
        var styles = _workbookPart.AddNewPart<WorkbookStylesPart>();
        using (var stream = styles.GetStream(FileMode.Create, FileAccess.Write))
        {
            XlsxStyles.Create().Save(stream);
        }
    }

    public bool SupportsManyTables => true;

    public void BeginTable(string name, IReadOnlyList<ExportColumn> columns)
    {
        _columns = columns;
        _sheetPart = _workbookPart.AddNewPart<WorksheetPart>();
        _writer = OpenXmlWriter.Create(_sheetPart);
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
        _sheets.Add((name, _workbookPart.GetIdOfPart(_sheetPart), columns.Count, 0));
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
        var (name, id, columns, _) = _sheets[^1];
        var range = $"A1:{ColumnName(columns)}{Math.Max(_rowNumber, 1)}";
        writer.WriteElement(new AutoFilter { Reference = range });
        writer.WriteEndElement(); // worksheet
        writer.Close();
        _sheets[^1] = (name, id, columns, _rowNumber - 1);
        _writer = null;
    }

    public void Complete()
    {
        var sheets = new Sheets();
        var names = new DefinedNames();
        for (var i = 0; i < _sheets.Count; i++)
        {
            var (name, id, columns, rows) = _sheets[i];
            sheets.Append(new Sheet { Name = name, SheetId = (uint)(i + 1), Id = id });
            // Excel keeps a sheet's filter range in this hidden name; without it, it repairs the file on open.
            names.Append(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${ColumnName(columns)}${Math.Max(rows + 1, 1)}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = (uint)i,
                Hidden = true,
            });
        }

        using (var stream = _workbookPart.GetStream(FileMode.Create, FileAccess.Write))
        {
            new Workbook(sheets, names).Save(stream);
        }

        _document.Dispose();
        _package.Close();
    }

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
        _writer?.Dispose();
        try
        {
            _document.Dispose();
            _package.Close();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Disposing after a failure: the file is incomplete anyway and will be deleted.
        }
    }
}
