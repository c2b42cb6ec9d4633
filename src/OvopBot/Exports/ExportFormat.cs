namespace OvopBot.Exports;

/// <summary>The file formats of an export.</summary>
public enum ExportFormat
{
    /// <summary>UTF-8 with BOM, RFC 4180 quoting, one header row: what Excel opens without an import dialog.</summary>
    Csv,

    /// <summary>An Excel workbook, one sheet per kind, written with the OpenXml streaming writer.</summary>
    Xlsx,

    /// <summary>JSON Lines: one object per row, multi-choice answers as arrays.</summary>
    Jsonl,
}
