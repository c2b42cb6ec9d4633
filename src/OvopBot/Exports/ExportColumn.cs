namespace OvopBot.Exports;

/// <summary>One column: its stable key (JSONL property), its header in the export's language, and its type.</summary>
public sealed record ExportColumn(string Key, string Header, ColumnType Type);
