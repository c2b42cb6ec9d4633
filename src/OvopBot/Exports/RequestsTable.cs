using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace OvopBot.Exports;

/// <summary>
/// One row per requested training topic and one per funding request, with the village, so an office can sum
/// participants and rupiah by region. The fields are found by the names the flow exports them as (design §5);
/// headers and option labels come from the flow too.
/// </summary>
internal sealed class RequestsTable : IExportTable
{
    // The fields this table reads, by the names the flow gives them (export: { as: … }), so a renamed field follows.
    private readonly string _supportType;
    private readonly string _trainingTopics;
    private readonly string _trainingParticipants;
    private readonly string _fundingAmount;
    private readonly string _fundingPurpose;
    private readonly string _productName;
    private readonly string _respondentName;
    private readonly string _respondentPhone;
    private const string From = "FROM submissions sub JOIN contacts c ON c.id = sub.contact_id WHERE ";

    private readonly ExportContext _context;
    private readonly AnswerColumns _answers;

    public RequestsTable(ExportContext context)
    {
        _context = context;
        _answers = new AnswerColumns(context);
        _supportType = context.Flow.FieldFor("support_type", "support.type");
        _trainingTopics = context.Flow.FieldFor("training_topics", "support.training.topics");
        _trainingParticipants = context.Flow.FieldFor("training_participants", "support.training.participants");
        _fundingAmount = context.Flow.FieldFor("funding_amount", "support.funding.amount");
        _fundingPurpose = context.Flow.FieldFor("funding_purpose", "support.funding.purpose");
        _productName = context.Flow.FieldFor("product_name", "product.name");
        _respondentName = context.Flow.FieldFor("respondent_name", "respondent.name");
        _respondentPhone = context.Flow.FieldFor("respondent_phone", "respondent.phone");
        var language = context.Language;
        ExportColumn Field(string field, ColumnType type) => new(field, _answers.Header(field), type);
        Columns =
        [
            ExportHeaders.Column("reference", ColumnType.Text, language),
            ExportHeaders.Column("status", ColumnType.Text, language),
            .. RegionNames.Columns(language),
            Field(_productName, ColumnType.Text),
            ExportHeaders.Column("request_type", ColumnType.Text, language),
            Field(_trainingTopics, ColumnType.Text),
            Field(_trainingParticipants, ColumnType.Number),
            Field(_fundingAmount, ColumnType.Money),
            Field(_fundingPurpose, ColumnType.Text),
            Field(_respondentName, ColumnType.Text),
            Field(_respondentPhone, ColumnType.Phone),
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
            var type = answers[_supportType]?.ToString();
            var topics = answers[_trainingTopics] as JsonArray;
            var wantsTraining = type is "training" or "both" || topics is { Count: > 0 };
            var wantsFunding = type is "funding" or "both" || answers[_fundingAmount] is not null;
            if (!wantsTraining && !wantsFunding)
            {
                continue;
            }

            row[0] = SqlFilter.Text(reader, 0);
            row[1] = ExportHeaders.Status(reader.GetString(1), _context.Language);
            _context.Regions.Fill(row, 2, SqlFilter.Text(reader, 2), SqlFilter.Text(reader, 3) ?? answers["village"]?["name"]?.ToString());
            const int at = 2 + RegionNames.Width;
            row[at] = _answers.Value(_productName, answers);
            row[at + 6] = _answers.Value(_respondentName, answers);
            row[at + 7] = _answers.Value(_respondentPhone, answers) ?? SqlFilter.Text(reader, 6);
            row[at + 8] = reader.GetString(5);
            row[at + 9] = SqlFilter.Time(reader, 7);
            row[at + 10] = SqlFilter.Time(reader, 8);

            if (wantsTraining)
            {
                row[at + 1] = _answers.OptionLabel(_supportType, "training");
                row[at + 3] = _answers.Value(_trainingParticipants, answers);
                row[at + 4] = row[at + 5] = null;
                var keys = topics?.Select(k => k?.ToString()).OfType<string>().ToList() ?? [];
                foreach (var key in keys.Count == 0 ? [null] : keys.Cast<string?>())
                {
                    row[at + 2] = key is null ? null : _answers.OptionLabel(_trainingTopics, key);
                    yield return row;
                }
            }

            if (wantsFunding)
            {
                row[at + 1] = _answers.OptionLabel(_supportType, "funding");
                row[at + 2] = row[at + 3] = null;
                row[at + 4] = _answers.Value(_fundingAmount, answers);
                row[at + 5] = _answers.Value(_fundingPurpose, answers);
                yield return row;
            }
        }
    }
}
