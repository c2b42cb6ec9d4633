using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace OvopBot.Exports;

/// <summary>
/// One row per village submission: reference, status, the official codes and names of its regions, every answer of
/// the flow, the channel, and its times. Ordered by village code, so a region's villages sit together. The date
/// filter reads the submit time (the start time for drafts).
/// </summary>
internal sealed class SubmissionsTable : IExportTable
{
    private const string From =
        "FROM submissions sub JOIN contacts c ON c.id = sub.contact_id WHERE ";

    private readonly ExportContext _context;
    private readonly AnswerColumns _answers;

    public SubmissionsTable(ExportContext context)
    {
        _context = context;
        _answers = new AnswerColumns(context);
        var language = context.Language;
        Columns =
        [
            ExportHeaders.Column("reference", ColumnType.Text, language),
            ExportHeaders.Column("status", ColumnType.Text, language),
            ExportHeaders.Column("revision", ColumnType.Number, language),
            ExportHeaders.Column("review_state", ColumnType.Text, language),
            ExportHeaders.Column("reviewed_by", ColumnType.Phone, language),
            ExportHeaders.Column("reviewed_at", ColumnType.DateTime, language),
            ExportHeaders.Column("review_note", ColumnType.Text, language),
            .. RegionNames.Columns(language),
            .. _answers.Columns,
            ExportHeaders.Column("channel", ColumnType.Text, language),
            ExportHeaders.Column("started_at", ColumnType.DateTime, language),
            ExportHeaders.Column("submitted_at", ColumnType.DateTime, language),
            ExportHeaders.Column("updated_at", ColumnType.DateTime, language),
        ];
    }

    public ExportKind Kind => ExportKind.Submissions;

    public IReadOnlyList<ExportColumn> Columns { get; }

    private static string Where => SqlFilter.Where("coalesce(sub.submitted_at, sub.started_at)");

    public long Count(SqliteConnection connection) => SqlFilter.Count(connection, From + Where, _context.Filter);

    public IEnumerable<object?[]> Rows(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = SqlFilter.Command(connection,
            $"""
            SELECT sub.reference, sub.status, sub.revision, sub.village_code, sub.village_name, sub.answers_json,
                   c.channel, c.phone, sub.started_at, sub.submitted_at, sub.updated_at,
                   sub.review_state, sub.reviewed_by, sub.reviewed_at, sub.review_note
            {From}{Where}
            ORDER BY sub.village_code, sub.id
            """, _context.Filter);
        using var reader = command.ExecuteReader();
        var row = new object?[Columns.Count];
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answers = JsonNode.Parse(reader.GetString(5)) as JsonObject ?? [];
            var villageName = SqlFilter.Text(reader, 4) ?? answers["village"]?["name"]?.ToString();
            row[0] = SqlFilter.Text(reader, 0);
            row[1] = ExportHeaders.Status(reader.GetString(1), _context.Language);
            row[2] = reader.GetInt64(2);
            row[3] = SqlFilter.Text(reader, 11) is { } review ? ExportHeaders.Value("review_", review, _context.Language) : null;
            row[4] = SqlFilter.Text(reader, 12);
            row[5] = SqlFilter.Time(reader, 13);
            row[6] = SqlFilter.Text(reader, 14);
            _context.Regions.Fill(row, 7, SqlFilter.Text(reader, 3), villageName);
            var at = 7 + RegionNames.Width;
            _answers.Fill(row, at, answers, SqlFilter.Text(reader, 7));
            at += _answers.Columns.Count;
            row[at++] = reader.GetString(6);
            row[at++] = SqlFilter.Time(reader, 8);
            row[at++] = SqlFilter.Time(reader, 9);
            row[at] = SqlFilter.Time(reader, 10);
            yield return row;
        }
    }
}
