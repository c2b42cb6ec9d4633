using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using OvopBot.Exports;

namespace OvopBot.Tests.Exports;

/// <summary>The workbook read back with the OpenXml SDK: sheets, header, frozen pane, filter, cell types, schema validity.</summary>
public sealed class XlsxExportTests
{
    [Fact]
    public async Task The_all_workbook_has_a_valid_sheet_per_kind_with_a_bold_frozen_filtered_header_and_typed_cells()
    {
        using var bench = new ExportBench();
        await bench.ReplayAsync();
        var path = bench.File("all.xlsx");

        var result = bench.Exports.ExportToFile(new ExportRequest(Enum.GetValues<ExportKind>(), ExportFormat.Xlsx, ExportFilter.None), path);

        using var document = SpreadsheetDocument.Open(path, false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Data desa", "Permintaan dukungan", "Percakapan", "Kontak"], sheets.Select(s => s.Name!.Value));
        Assert.Equal(3, result.Rows[ExportKind.Requests]);

        var rows = Rows(workbook, sheets[0]);
        var header = rows[0];
        var values = rows[1];
        Assert.Equal(2, rows.Count);
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        Assert.All(header, c => Assert.NotNull(Font(styles, c).Bold));

        var sheet = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal($"A1:AT2", sheet.Elements<AutoFilter>().Single().Reference!.Value);
        Assert.All(sheet.Descendants<Column>(), c => Assert.InRange(c.Width!.Value, 10, 60));

        Cell At(string headerText) => values[header.FindIndex(c => Text(c) == headerText)];
        Assert.Equal("OVOP-5301082006-1", Text(At("Nomor referensi")));
        Assert.Equal("Kemasan; Pemasaran; Modal", Text(At("Tantangan")));
        // Numbers are numbers, money too (with a thousands format), phone numbers are text with their "+".
        Assert.Null(At("Produksi per bulan").DataType);
        Assert.Equal("1500", At("Produksi per bulan").CellValue!.Text);
        Assert.Equal("2500000", At("Dana dibutuhkan").CellValue!.Text);
        Assert.Equal(3u, Format(styles, At("Dana dibutuhkan")).NumberFormatId!.Value);
        Assert.Equal(CellValues.InlineString, At("Nomor HP").DataType!.Value);
        Assert.Equal("+6281234567890", Text(At("Nomor HP")));
        Assert.Equal("-10.1772", At("Lokasi (lintang)").CellValue!.Text);
        // Times are real dates: a serial number in WITA with a date format.
        var submitted = At("Dikirim (WITA)");
        Assert.Equal(new DateTime(2026, 11, 23, 9, 0, 0), DateTime.FromOADate(double.Parse(submitted.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        var dateFormat = styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == Format(styles, submitted).NumberFormatId!.Value);
        Assert.Equal("yyyy-mm-dd hh:mm:ss", dateFormat.FormatCode!.Value);
    }

    internal static List<List<Cell>> Rows(WorkbookPart workbook, Sheet sheet) =>
        ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();

    internal static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    internal static CellFormat Format(Stylesheet styles, Cell cell) =>
        styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private static Font Font(Stylesheet styles, Cell cell) =>
        styles.Fonts!.Elements<Font>().ElementAt((int)Format(styles, cell).FontId!.Value);
}
