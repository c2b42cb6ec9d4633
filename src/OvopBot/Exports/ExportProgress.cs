namespace OvopBot.Exports;

/// <summary>Progress of an export: rows written so far of the expected total, for the kind being written.</summary>
public readonly record struct ExportProgress(ExportKind Kind, long Rows, long Total);
