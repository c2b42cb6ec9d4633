using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OvopBot.Exports;

/// <summary>
/// One row per message, both directions, in time order: inbound and outbound are read by two cursors in time order
/// (indexes from migration 002) and merged here, so a million messages stream without a sort. The village is the
/// one of the person's conversation; the question is the node a message answered (inbound) or asked (outbound).
/// </summary>
internal sealed class ConversationsTable : IExportTable
{
    private const string InboundFrom =
        """
        FROM inbound_messages m JOIN contacts c ON c.id = m.contact_id
        LEFT JOIN sessions s ON s.contact_id = m.contact_id LEFT JOIN submissions sub ON sub.id = s.submission_id
        WHERE
        """;

    private const string OutboundFrom =
        """
        FROM outbound_messages m JOIN contacts c ON c.id = m.contact_id
        LEFT JOIN sessions s ON s.contact_id = m.contact_id LEFT JOIN submissions sub ON sub.id = s.submission_id
        WHERE
        """;

    private readonly ExportContext _context;
    private readonly Dictionary<string, string> _questions = new(StringComparer.Ordinal);
    private readonly string _in;
    private readonly string _out;

    public ConversationsTable(ExportContext context)
    {
        _context = context;
        var language = context.Language;
        foreach (var node in context.Flow.Nodes)
        {
            _questions[node.Id] = node.Label?.Get(language) ?? node.Id;
        }

        _in = ExportHeaders.Get("direction_in", language);
        _out = ExportHeaders.Get("direction_out", language);
        Columns =
        [
            ExportHeaders.Column("time", ColumnType.DateTime, language),
            ExportHeaders.Column("direction", ColumnType.Text, language),
            ExportHeaders.Column("channel", ColumnType.Text, language),
            ExportHeaders.Column("address", ColumnType.Phone, language),
            ExportHeaders.Column("display_name", ColumnType.Text, language),
            ExportHeaders.Column("village_code", ColumnType.Text, language),
            ExportHeaders.Column("village_name", ColumnType.Text, language),
            ExportHeaders.Column("question", ColumnType.Text, language),
            ExportHeaders.Column("node_id", ColumnType.Text, language),
            ExportHeaders.Column("message_kind", ColumnType.Text, language),
            ExportHeaders.Column("text", ColumnType.Text, language),
            ExportHeaders.Column("media", ColumnType.Text, language),
            ExportHeaders.Column("delivery", ColumnType.Text, language),
        ];
    }

    public ExportKind Kind => ExportKind.Conversations;

    public IReadOnlyList<ExportColumn> Columns { get; }

    public long Count(SqliteConnection connection) =>
        SqlFilter.Count(connection, InboundFrom + SqlFilter.Where("m.received_at"), _context.Filter)
        + SqlFilter.Count(connection, OutboundFrom + SqlFilter.Where("m.created_at"), _context.Filter);

    public IEnumerable<object?[]> Rows(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var inbound = SqlFilter.Command(connection,
            $"""
            SELECT m.received_at, c.channel, c.address, c.display_name, sub.village_code, sub.village_name, m.node_id,
                   m.kind, m.text, m.choice_id, m.media_path, m.media_ref, m.latitude, m.longitude, m.phone, m.id
            {InboundFrom}{SqlFilter.Where("m.received_at")}
            ORDER BY m.received_at, m.id
            """, _context.Filter);
        using var outbound = SqlFilter.Command(connection,
            $"""
            SELECT m.created_at, c.channel, c.address, c.display_name, sub.village_code, sub.village_name, m.node_id,
                   m.kind, m.text, m.status, coalesce(m.in_reply_to, 9223372036854775807)
            {OutboundFrom}{SqlFilter.Where("m.created_at")}
            ORDER BY m.created_at, coalesce(m.in_reply_to, 9223372036854775807), m.id
            """, _context.Filter);
        using var ins = inbound.ExecuteReader();
        using var outs = outbound.ExecuteReader();
        var row = new object?[Columns.Count];
        var hasIn = ins.Read();
        var hasOut = outs.Read();
        while (hasIn || hasOut)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (hasIn && (!hasOut || InboundFirst(ins, outs)))
            {
                FillInbound(ins, row);
                hasIn = ins.Read();
            }
            else
            {
                FillOutbound(outs, row);
                hasOut = outs.Read();
            }

            yield return row;
        }
    }

    /// <summary>
    /// Stored times are fixed-width UTC text, so text order is time order. Within one millisecond (replies share
    /// their message's step time) a message comes before the replies to it, and replies before later messages.
    /// </summary>
    private static bool InboundFirst(SqliteDataReader inbound, SqliteDataReader outbound)
    {
        var byTime = string.CompareOrdinal(inbound.GetString(0), outbound.GetString(0));
        return byTime != 0 ? byTime < 0 : inbound.GetInt64(15) <= outbound.GetInt64(10);
    }

    private void FillCommon(SqliteDataReader reader, object?[] row, string direction)
    {
        row[0] = StoredTime.Read(reader.GetString(0));
        row[1] = direction;
        row[2] = reader.GetString(1);
        row[3] = reader.GetString(2);
        row[4] = SqlFilter.Text(reader, 3);
        row[5] = SqlFilter.Text(reader, 4);
        row[6] = SqlFilter.Text(reader, 5);
        var node = SqlFilter.Text(reader, 6);
        row[7] = node is null ? null : _questions.GetValueOrDefault(node, node);
        row[8] = node;
    }

    private void FillInbound(SqliteDataReader reader, object?[] row)
    {
        FillCommon(reader, row, _in);
        row[9] = reader.GetString(7).ToLowerInvariant();
        row[10] = SqlFilter.Text(reader, 8) ?? SqlFilter.Text(reader, 9) ?? SqlFilter.Text(reader, 14);
        row[11] = !reader.IsDBNull(12) && !reader.IsDBNull(13)
            ? string.Create(CultureInfo.InvariantCulture, $"{reader.GetDouble(12)}, {reader.GetDouble(13)}")
            : _context.MediaPath(SqlFilter.Text(reader, 10)) ?? SqlFilter.Text(reader, 11);
        row[12] = null;
    }

    private void FillOutbound(SqliteDataReader reader, object?[] row)
    {
        FillCommon(reader, row, _out);
        row[9] = ExportHeaders.Value("kind_", reader.GetInt64(7).ToString(CultureInfo.InvariantCulture), _context.Language);
        row[10] = reader.GetString(8);
        row[11] = null;
        row[12] = reader.GetString(9);
    }
}
