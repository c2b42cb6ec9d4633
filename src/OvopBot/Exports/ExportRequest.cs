namespace OvopBot.Exports;

/// <summary>One export: the kinds (several only for an XLSX workbook), the format, the filter and the header language.</summary>
public sealed record ExportRequest(IReadOnlyList<ExportKind> Kinds, ExportFormat Format, ExportFilter Filter, string Language = "id")
{
    /// <summary>Phone numbers (and chat ids) shown masked, +62812****7890: exports for facilitators (setting <c>Privacy:MaskPhonesForFacilitators</c>).</summary>
    public bool MaskPhones { get; init; }

    public static ExportRequest Of(ExportKind kind, ExportFormat format, ExportFilter? filter = null, string language = "id") =>
        new([kind], format, filter ?? ExportFilter.None, language);
}
