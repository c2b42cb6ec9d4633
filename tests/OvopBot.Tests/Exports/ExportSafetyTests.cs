using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OvopBot.Exports;

namespace OvopBot.Tests.Exports;

/// <summary>Cells a spreadsheet would run as formulas are neutralised; phone numbers stay text; partial files never appear.</summary>
public sealed class ExportSafetyTests
{
    public static TheoryData<string> Formulas() => ["=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "\t=1", "\r=1"];

    [Theory]
    [MemberData(nameof(Formulas))]
    public void Formula_text_gets_an_apostrophe_in_csv_and_a_quote_prefix_in_xlsx(string formula)
    {
        using var bench = new ExportBench();
        bench.Village("53.01.08.2006", "Oelnasi", "submitted", DateTimeOffset.UtcNow,
            new Dictionary<string, object?> { ["product.name"] = formula, ["support.funding.purpose"] = "Mesin" });

        var csv = bench.File("out.csv");
        bench.Exports.ExportToFile(ExportRequest.Of(ExportKind.Submissions, ExportFormat.Csv), csv);
        var line = File.ReadAllText(csv);
        var quoted = "'" + formula;
        Assert.Contains(quoted.Contains('\r', StringComparison.Ordinal) ? $"\"{quoted}\"" : $",{quoted},", File.ReadAllText(csv), StringComparison.Ordinal);
        Assert.Contains(",'+62812000", line, StringComparison.Ordinal);
        Assert.Contains(",15000000,", line, StringComparison.Ordinal);

        var xlsx = bench.File("out.xlsx");
        bench.Exports.ExportToFile(ExportRequest.Of(ExportKind.Submissions, ExportFormat.Xlsx), xlsx);
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var workbook = document.WorkbookPart!;
        var rows = XlsxExportTests.Rows(workbook, workbook.Workbook.Sheets!.Elements<Sheet>().First());
        var product = rows[1][rows[0].FindIndex(c => XlsxExportTests.Text(c) == "Produk")];
        // XML reads a carriage return as a line feed; the text is otherwise kept exactly.
        Assert.Equal(formula.Replace('\r', '\n'), XlsxExportTests.Text(product));
        Assert.Null(product.CellFormula);
        Assert.True(XlsxExportTests.Format(workbook.WorkbookStylesPart!.Stylesheet, product).QuotePrefix?.Value);
        var purpose = rows[1][rows[0].FindIndex(c => XlsxExportTests.Text(c) == "Untuk apa dana")];
        Assert.NotEqual(true, XlsxExportTests.Format(workbook.WorkbookStylesPart!.Stylesheet, purpose).QuotePrefix?.Value);
    }

    [Fact]
    public void Jsonl_keeps_the_text_exactly_as_answered()
    {
        using var bench = new ExportBench();
        bench.Village("53.01.08.2006", "Oelnasi", "submitted", DateTimeOffset.UtcNow, new Dictionary<string, object?> { ["product.name"] = "=1+1" });
        var path = bench.File("out.jsonl");

        bench.Exports.ExportToFile(ExportRequest.Of(ExportKind.Submissions, ExportFormat.Jsonl), path);

        Assert.Contains("\"product.name\":\"=1+1\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_export_leaves_neither_the_file_nor_its_temporary()
    {
        using var bench = new ExportBench();
        var contact = bench.Village("53.01.08.2006", "Oelnasi", "submitted", DateTimeOffset.UtcNow);
        bench.Messages(contact, 10_000, DateTimeOffset.UtcNow);
        var path = bench.File("exports/conversations.xlsx");
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(p => cancel.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() =>
            bench.Exports.ExportToFile(ExportRequest.Of(ExportKind.Conversations, ExportFormat.Xlsx), path, progress, cancel.Token));

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    /// <summary>Reports synchronously (System.Progress posts to the thread pool, too late to stop anything).</summary>
    private sealed class Progress(Action<ExportProgress> report) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => report(value);
    }
}
