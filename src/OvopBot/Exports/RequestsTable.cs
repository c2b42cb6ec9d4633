using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace OvopBot.Exports;

/// <summary>
/// One row per requested training topic and one per funding request, with the village, so an office can sum
/// participants and rupiah by region. The field paths below are the registration's meaning (design §5); headers
/// and option labels still come from the flow.
/// </summary>
internal sealed class RequestsTable : IExportTable
{
    private const string SupportType = "support.type";
    private const string TrainingTopics = "support.training.topics";
    private const string TrainingParticipants = "support.training.participants";
    private const string FundingAmount = "support.funding.amount";
    private const string FundingPurpose = "support.funding.purpose";
    private const string ProductName = "product.name";
    private const string RespondentName = "respondent.name";
    private const string RespondentPhone = "respondent.phone";
    private const string From = "FROM submissions sub JOIN contacts c ON c.id = sub.contact_id WHERE ";

    private readonly ExportContext _context;
    private readonly AnswerColumns _answers;

    public RequestsTable(ExportContext context)
    {
        _context = context;
        _answers = new AnswerColumns(context);
        var language = context.Language;
        ExportColumn Field(string field, ColumnType type) => new(field, _answers.Header(field), type);
        Columns =
        [
            ExportHeaders.Column("reference", ColumnType.Text, language),
            ExportHeaders.Column("status", ColumnType.Text, language),
            .. RegionNames.Columns(language),
            Field(ProductName, ColumnType.Text),
            ExportHeaders.Column("request_type", ColumnType.Text, language),
            Field(TrainingTopics, ColumnType.Text),
            Field(TrainingParticipants, ColumnType.Number),
            Field(FundingAmount, ColumnType.Money),
            Field(FundingPurpose, ColumnType.Text),
            Field(RespondentName, ColumnType.Text),
            Field(RespondentPhone, ColumnType.Phone),
            ExportHeaders.Column("channel", ColumnType.Text, language),
            ExportHeaders.Column("submitted_at", ColumnType.DateTime, language),
            ExportHeaders.Column("updated_at", ColumnType.DateTime, language),
        ];
    }

    public ExportKind Kind => ExportKind.Requests;

    public IReadOnlyList<ExportColumn> Columns { get; }

    private static string Where => SqlFilter.Where("coalesce(sub.submitted_at, sub.started_at)");

    /// <summary>Counts villages, not request rows: close enough for a progress bar, and free of JSON parsing.</summary>
    public long Count(SqliteConnection connection) => SqlFilter.Count(connection, From + Where, _context.Filter);

    public IEnumerable<object?[]> Rows(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = SqlFilter.Command(connection,
            $"""
            SELECT sub.reference, sub.status, sub.village_code, sub.village_name, sub.answers_json, c.channel, c.phone,
                   sub.submitted_at, sub.updated_at
            {From}{Where}
            ORDER BY sub.village_code, sub.id
            """, _context.Filter);
        using var reader = command.ExecuteReader();
        var row = new object?[Columns.Count];
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answers = JsonNode.Parse(reader.GetString(4)) as JsonObject ?? [];
            var type = answers[SupportType]?.ToString();
            var topics = answers[TrainingTopics] as JsonArray;
            var wantsTraining = type is "training" or "both" || topics is { Count: > 0 };
            var wantsFunding = type is "funding" or "both" || answers[FundingAmount] is not null;
            if (!wantsTraining && !wantsFunding)
            {
                continue;
            }

            row[0] = SqlFilter.Text(reader, 0);
            row[1] = ExportHeaders.Status(reader.GetString(1), _context.Language);
            _context.Regions.Fill(row, 2, SqlFilter.Text(reader, 2), SqlFilter.Text(reader, 3) ?? answers["village"]?["name"]?.ToString());
            const int at = 2 + RegionNames.Width;
            row[at] = _answers.Value(ProductName, answers);
            row[at + 6] = _answers.Value(RespondentName, answers);
            row[at + 7] = _answers.Value(RespondentPhone, answers) ?? SqlFilter.Text(reader, 6);
            row[at + 8] = reader.GetString(5);
            row[at + 9] = SqlFilter.Time(reader, 7);
            row[at + 10] = SqlFilter.Time(reader, 8);

            if (wantsTraining)
            {
                row[at + 1] = _answers.OptionLabel(SupportType, "training");
                row[at + 3] = _answers.Value(TrainingParticipants, answers);
                row[at + 4] = row[at + 5] = null;
                var keys = topics?.Select(k => k?.ToString()).OfType<string>().ToList() ?? [];
                foreach (var key in keys.Count == 0 ? [null] : keys.Cast<string?>())
                {
                    row[at + 2] = key is null ? null : _answers.OptionLabel(TrainingTopics, key);
                    yield return row;
                }
            }

            if (wantsFunding)
            {
                row[at + 1] = _answers.OptionLabel(SupportType, "funding");
                row[at + 2] = row[at + 3] = null;
                row[at + 4] = _answers.Value(FundingAmount, answers);
                row[at + 5] = _answers.Value(FundingPurpose, answers);
                yield return row;
            }
        }
    }
}
