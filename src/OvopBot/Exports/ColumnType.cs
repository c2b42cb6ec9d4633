namespace OvopBot.Exports;

/// <summary>How a column's values are written: the XLSX cell type and style, the CSV and JSON form.</summary>
public enum ColumnType
{
    Text,

    /// <summary>Text that looks like a number (phone numbers, chat ids): always written as text so <c>+62</c> and leading zeros survive.</summary>
    Phone,

    Number,

    /// <summary>Rupiah: a number, shown with thousands grouping in XLSX.</summary>
    Money,

    /// <summary>A point in time, written in WITA; a real date in XLSX.</summary>
    DateTime,

    /// <summary>Several values: joined with "; " in CSV/XLSX, an array in JSONL.</summary>
    List,
}
