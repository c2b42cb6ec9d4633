using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OvopBot.Exports;

/// <summary>The workbook's few cell styles, by index into <c>cellXfs</c>.</summary>
internal static class XlsxStyles
{
    public const uint Header = 1;
    public const uint DateTime = 2;
    public const uint QuotedText = 3;
    public const uint Money = 4;

    private const uint DateTimeFormatId = 164;

    public static Stylesheet Create() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = "yyyy-mm-dd hh:mm:ss" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = DateTimeFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true },
            new CellFormat { NumberFormatId = 3, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>A column's width in characters: by its type, widened for a long header.</summary>
    public static double Width(ExportColumn column)
    {
        var byType = column.Type switch
        {
            ColumnType.Number => 12,
            ColumnType.Money => 16,
            ColumnType.DateTime => 20,
            ColumnType.Phone => 18,
            ColumnType.List => 36,
            _ => column.Key is "text" or "product.description" ? 60 : 24,
        };
        return Math.Max(byType, Math.Min(column.Header.Length + 4, 40));
    }

    public static BooleanValue True => new(true);
}
