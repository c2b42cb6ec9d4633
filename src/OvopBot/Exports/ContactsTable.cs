using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace OvopBot.Exports;

/// <summary>
/// One row per person the bot knows (contacts linked as one person share a row): channels, ids, their village and role from their conversation, where they are
/// in it, and whether they can be reached (opted out of broadcasts, blocked the bot). The date filter reads the
/// first contact.
/// </summary>
internal sealed class ContactsTable : IExportTable
{
    // Found by the names the flow exports them as, so a renamed field follows.
    private readonly string _roleField;
    private readonly string _nameField;
    private const string From =
        """
        FROM contacts c LEFT JOIN sessions s ON s.contact_id = c.id LEFT JOIN submissions sub ON sub.id = s.submission_id
        WHERE c.person_id IS NULL AND
        """;

    // A person linked on several channels is one row: their channels and addresses listed, first contact first.
    private const string AllOf =
        "(SELECT group_concat({0}, ', ') FROM (SELECT l.{0} FROM contacts l WHERE coalesce(l.person_id, l.id) = c.id ORDER BY l.id))";

    private readonly ExportContext _context;
    private readonly AnswerColumns _answers;
    private readonly Dictionary<string, string> _questions = new(StringComparer.Ordinal);

    public ContactsTable(ExportContext context)
    {
        _context = context;
        _answers = new AnswerColumns(context);
        _roleField = context.Flow.FieldFor("respondent_role", "respondent.role");
        _nameField = context.Flow.FieldFor("respondent_name", "respondent.name");
        var language = context.Language;
        foreach (var node in context.Flow.Nodes)
        {
            _questions[node.Id] = node.Label?.Get(language) ?? node.Id;
        }

        Columns =
        [
            ExportHeaders.Column("channel", ColumnType.Text, language),
            ExportHeaders.Column("address", ColumnType.Phone, language),
            ExportHeaders.Column("display_name", ColumnType.Text, language),
            ExportHeaders.Column("contact_phone", ColumnType.Phone, language),
            ExportHeaders.Column("language", ColumnType.Text, language),
            new(_roleField, _answers.Header(_roleField), ColumnType.Text),
            new(_nameField, _answers.Header(_nameField), ColumnType.Text),
            ExportHeaders.Column("village_code", ColumnType.Text, language),
            ExportHeaders.Column("village_name", ColumnType.Text, language),
            ExportHeaders.Column("session_status", ColumnType.Text, language),
            ExportHeaders.Column("current_question", ColumnType.Text, language),
            ExportHeaders.Column("status", ColumnType.Text, language),
            ExportHeaders.Column("opted_out", ColumnType.Text, language),
            ExportHeaders.Column("reachable", ColumnType.Text, language),
            ExportHeaders.Column("created_at", ColumnType.DateTime, language),
            ExportHeaders.Column("last_inbound_at", ColumnType.DateTime, language),
        ];
    }

    public ExportKind Kind => ExportKind.Contacts;

    public IReadOnlyList<ExportColumn> Columns { get; }

    public long Count(SqliteConnection connection) => SqlFilter.Count(connection, From + SqlFilter.Where("c.created_at"), _context.Filter);

    private static string Format(string template, string column) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, column);

    public IEnumerable<object?[]> Rows(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = SqlFilter.Command(connection,
            $"""
            SELECT {Format(AllOf, "channel")}, {Format(AllOf, "address")}, c.display_name, c.phone, c.language, sub.answers_json,
                   sub.village_code, sub.village_name, s.status, s.node_id, sub.status, c.opted_out, c.reachable, c.created_at,
                   (SELECT max(l.last_inbound_at) FROM contacts l WHERE coalesce(l.person_id, l.id) = c.id)
            {From}{SqlFilter.Where("c.created_at")}
            ORDER BY c.id
            """, _context.Filter);
        using var reader = command.ExecuteReader();
        var row = new object?[Columns.Count];
        var language = _context.Language;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answers = reader.IsDBNull(5) ? [] : JsonNode.Parse(reader.GetString(5)) as JsonObject ?? [];
            row[0] = reader.GetString(0);
            row[1] = reader.GetString(1);
            row[2] = SqlFilter.Text(reader, 2);
            row[3] = SqlFilter.Text(reader, 3);
            row[4] = SqlFilter.Text(reader, 4);
            row[5] = _answers.Value(_roleField, answers);
            row[6] = _answers.Value(_nameField, answers);
            row[7] = SqlFilter.Text(reader, 6);
            row[8] = SqlFilter.Text(reader, 7) ?? answers["village"]?["name"]?.ToString();
            row[9] = SqlFilter.Text(reader, 8) is { } session ? ExportHeaders.Value("session_", session, language) : null;
            row[10] = SqlFilter.Text(reader, 9) is { } node ? _questions.GetValueOrDefault(node, node) : null;
            row[11] = SqlFilter.Text(reader, 10) is { } status ? ExportHeaders.Status(status, language) : null;
            row[12] = ExportHeaders.YesNo(reader.GetInt64(11) != 0, language);
            row[13] = ExportHeaders.YesNo(reader.GetInt64(12) != 0, language);
            row[14] = SqlFilter.Time(reader, 13);
            row[15] = SqlFilter.Time(reader, 14);
            yield return row;
        }
    }
}
