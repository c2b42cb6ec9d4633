using System.Text.Json.Nodes;
using OvopBot.Flows.Answers;
using OvopBot.Flows.Definition;

namespace OvopBot.Exports;

/// <summary>
/// The columns of the flow's answers, in the flow's node order: header = the node's <c>label</c> in the export's
/// language, values as people read them (option labels, month names, "Ya"/"Tidak"), numbers and money as numbers,
/// multi-choice answers as lists, a location as two number columns. The village question is left out: its code and
/// names fill the region columns instead. Questions without a label (consent) are not listed, as in the summary.
/// </summary>
internal sealed class AnswerColumns
{
    private readonly ExportContext _context;
    private readonly List<(FlowNode Node, int Width)> _nodes = [];
    private readonly Dictionary<string, FlowNode> _byField = new(StringComparer.Ordinal);

    public AnswerColumns(ExportContext context)
    {
        _context = context;
        var columns = new List<ExportColumn>();
        foreach (var node in context.Flow.Nodes)
        {
            if (!node.IsQuestion || node.Save is not { } field || node.Expect is AnswerKind.Summary
                || !_byField.TryAdd(field, node))
            {
                continue;
            }

            if (node.Label is null || node.Expect is AnswerKind.Village)
            {
                continue;
            }

            var header = (node.ExportHeader ?? node.Label).Get(context.Language);
            if (node.Expect is AnswerKind.Location)
            {
                columns.Add(new ExportColumn(field + ".lat", $"{header} ({ExportHeaders.Get("latitude", context.Language)})", ColumnType.Number));
                columns.Add(new ExportColumn(field + ".lon", $"{header} ({ExportHeaders.Get("longitude", context.Language)})", ColumnType.Number));
                _nodes.Add((node, 2));
                continue;
            }

            columns.Add(new ExportColumn(field, header, TypeOf(node)));
            _nodes.Add((node, 1));
        }

        Columns = columns;
    }

    public IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>The header of a field's column: its node's label, or the field path when the flow has no such node.</summary>
    public string Header(string field) =>
        _byField.TryGetValue(field, out var node) && (node.ExportHeader ?? node.Label) is { } label ? label.Get(_context.Language) : field;

    public FlowNode? Node(string field) => _byField.GetValueOrDefault(field);

    /// <summary>Writes every answer column from <paramref name="at"/>; a phone question left empty takes the channel's number.</summary>
    public void Fill(object?[] row, int at, JsonObject answers, string? channelPhone)
    {
        foreach (var (node, width) in _nodes)
        {
            var value = answers[node.Save!];
            if (width == 2)
            {
                row[at++] = value is JsonObject o ? AsDouble(o["lat"]) : null;
                row[at++] = value is JsonObject p ? AsDouble(p["lon"]) : null;
                continue;
            }

            row[at++] = node.Expect is AnswerKind.Phone && value is null ? channelPhone : Value(node, value);
        }
    }

    /// <summary>A field's value as a cell (see <see cref="Fill"/>), or null when the flow has no such field.</summary>
    public object? Value(string field, JsonObject answers) =>
        _byField.TryGetValue(field, out var node) ? Value(node, answers[field]) : null;

    public object? Value(FlowNode node, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        if (AnswerValues.IsUnknown(value))
        {
            return _context.Flow.Text("answer_unknown_display", _context.Language);
        }

        return node.Expect switch
        {
            AnswerKind.Number or AnswerKind.Money => AnswerValues.AsDecimal(value),
            AnswerKind.Text or AnswerKind.Phone => AnswerValues.AsString(value),
            AnswerKind.MultiChoice => value is JsonArray keys
                ? keys.Select(k => AnswerValues.OptionLabel(node, k?.ToString() ?? "", _context.Language)).ToArray()
                : null,
            AnswerKind.Photo or AnswerKind.Voice => _context.MediaPath(AnswerValues.AsString(value["path"])) ?? AnswerValues.AsString(value["ref"]),
            _ => _context.Engine.Interpreter(node.Expect).Display(_context.Flow, node, value, _context.Language),
        };
    }

    /// <summary>The label of an option of a field's question (<c>support.type</c>, <c>training</c> → "Pelatihan").</summary>
    public string OptionLabel(string field, string key) =>
        _byField.TryGetValue(field, out var node) ? AnswerValues.OptionLabel(node, key, _context.Language) : key;

    private static double? AsDouble(JsonNode? node) => node is JsonValue v && v.TryGetValue(out double d) ? d : null;

    /// <summary>The node's declared <c>export: { type: … }</c>, else what its answer kind gives.</summary>
    private static ColumnType TypeOf(FlowNode node) =>
        node.ExportType is { } declared ? Enum.Parse<ColumnType>(declared, ignoreCase: true) : TypeOf(node.Expect);

    private static ColumnType TypeOf(AnswerKind kind) => kind switch
    {
        AnswerKind.Number => ColumnType.Number,
        AnswerKind.Money => ColumnType.Money,
        AnswerKind.Phone => ColumnType.Phone,
        AnswerKind.MultiChoice => ColumnType.List,
        _ => ColumnType.Text,
    };
}
