using System.Text.Encodings.Web;
using System.Text.Json;

namespace OvopBot.Exports;

/// <summary>
/// JSON Lines: one object per row, keyed by the column keys (field paths like <c>product.name</c>, stable across
/// languages), numbers as numbers, lists as arrays, times as ISO 8601 with the WITA offset, nulls kept. No formula
/// neutralisation: JSON is not opened by spreadsheets, and values stay exactly as answered.
/// </summary>
internal sealed class JsonlExportWriter : IExportWriter
{
    private readonly BufferedStream _output;
    private readonly Utf8JsonWriter _json;
    private IReadOnlyList<ExportColumn> _columns = [];
    private JsonEncodedText[] _keys = [];

    public JsonlExportWriter(Stream output)
    {
        _output = new BufferedStream(output, 1 << 16);
        // Relaxed escaping keeps Indonesian text and "Rp" readable; the file is never embedded in HTML.
        _json = new Utf8JsonWriter(_output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public bool SupportsManyTables => false;

    public void BeginTable(string name, IReadOnlyList<ExportColumn> columns)
    {
        _columns = columns;
        _keys = columns.Select(c => JsonEncodedText.Encode(c.Key, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)).ToArray();
    }

    public void WriteRow(object?[] values)
    {
        _json.WriteStartObject();
        for (var i = 0; i < _keys.Length; i++)
        {
            _json.WritePropertyName(_keys[i]);
            switch (values[i])
            {
                case null:
                    _json.WriteNullValue();
                    break;
                case decimal d:
                    _json.WriteNumberValue(d);
                    break;
                case double d:
                    _json.WriteNumberValue(d);
                    break;
                case long l:
                    _json.WriteNumberValue(l);
                    break;
                case DateTimeOffset t:
                    _json.WriteStringValue(ExportCells.IsoTime(t));
                    break;
                case string[] list:
                    _json.WriteStartArray();
                    foreach (var item in list)
                    {
                        _json.WriteStringValue(item);
                    }

                    _json.WriteEndArray();
                    break;
                case var value when _columns[i].Type is ColumnType.List:
                    _json.WriteStartArray();
                    _json.WriteStringValue(ExportCells.Text(value));
                    _json.WriteEndArray();
                    break;
                case var value:
                    _json.WriteStringValue(ExportCells.Text(value));
                    break;
            }
        }

        _json.WriteEndObject();
        _json.Flush();
        _output.WriteByte((byte)'\n');
        _json.Reset();
    }

    public void EndTable() => _output.Flush();

    public void Complete() => _output.Flush();

    public void Dispose()
    {
        // The caller owns the stream: flush what is buffered, leave it open.
        _json.Dispose();
        _output.Flush();
    }
}
