namespace OvopBot.Exports;

/// <summary>What an export wrote: rows per kind, the file (null for a stream) and its size in bytes.</summary>
public sealed record ExportResult(IReadOnlyDictionary<ExportKind, long> Rows, string? Path, long Bytes)
{
    public long TotalRows => Rows.Values.Sum();
}
