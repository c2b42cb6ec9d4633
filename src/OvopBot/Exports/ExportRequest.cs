namespace OvopBot.Exports;

/// <summary>One export: the kinds (several only for an XLSX workbook), the format, the filter and the header language.</summary>
public sealed record ExportRequest(IReadOnlyList<ExportKind> Kinds, ExportFormat Format, ExportFilter Filter, string Language = "id")
{
    public static ExportRequest Of(ExportKind kind, ExportFormat format, ExportFilter? filter = null, string language = "id") =>
        new([kind], format, filter ?? ExportFilter.None, language);
}
