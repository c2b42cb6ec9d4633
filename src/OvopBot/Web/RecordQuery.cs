using System.Text;
using Dapper;
using OvopBot.Storage;

namespace OvopBot.Web;

/// <summary>
/// Submissions as the dashboard lists them: filtered by scope and the records filter, sorted, one page at a time.
/// The scope is part of every query, so a record outside it is never read, whatever the URL says.
/// </summary>
public sealed class RecordQuery(SqliteDatabase database, IRecordReviews reviews)
{
    /// <summary>One row of the list.</summary>
    public sealed class Row
    {
        public long Id { get; init; }
        public string? Reference { get; init; }
        public string Status { get; init; } = "";
        public string? VillageCode { get; init; }
        public string? VillageName { get; init; }
        public string? Product { get; init; }
        public string? Category { get; init; }
        public string? Support { get; init; }
        public string? Respondent { get; init; }
        public string UpdatedAt { get; init; } = "";
    }

    public async Task<(long Total, IReadOnlyList<Row> Rows)> PageAsync(IReadOnlyList<string> codes, RecordFilter filter, int pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, parameters) = Where(codes, filter);
        await using var connection = database.Open();
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM submissions s JOIN contacts c ON c.id = s.contact_id WHERE {where}", parameters, cancellationToken: cancellationToken));
        var order = filter.Sort switch
        {
            "updated" => "s.updated_at",
            "product" => "lower(json_extract(s.answers_json, '$.\"product.name\"'))",
            "reference" => "s.reference",
            _ => "s.village_code",
        };
        var direction = filter.Descending ? "DESC" : "ASC";
        var last = Math.Max(1, (int)Math.Min(int.MaxValue, (total + pageSize - 1) / pageSize));
        parameters.Add("limit", pageSize);
        parameters.Add("offset", (long)(Math.Min(filter.Page, last) - 1) * pageSize);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT s.id, s.reference, s.status, s.village_code AS villagecode, s.village_name AS villagename,
                   json_extract(s.answers_json, '$."product.name"') AS product,
                   json_extract(s.answers_json, '$."product.category"') AS category,
                   json_extract(s.answers_json, '$."support.type"') AS support,
                   coalesce(json_extract(s.answers_json, '$."respondent.name"'), c.display_name) AS respondent, s.updated_at AS updatedat
            FROM submissions s JOIN contacts c ON c.id = s.contact_id
            WHERE {where}
            ORDER BY {order} {direction}, s.id {direction}
            LIMIT @limit OFFSET @offset
            """, parameters, cancellationToken: cancellationToken));
        return (total, rows.ToList());
    }

    /// <summary>
    /// The SQL condition of the scope (each code as a range on the village code, so the index serves it) and the filter.
    /// Everything the user typed travels as a parameter.
    /// </summary>
    public (string Sql, DynamicParameters Parameters) Where(IReadOnlyList<string> codes, RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(filter);
        var sql = new StringBuilder("(");
        var parameters = new DynamicParameters();
        for (var i = 0; i < codes.Count; i++)
        {
            sql.Append(i == 0 ? "" : " OR ").Append($"s.village_code = @c{i} OR (s.village_code > @c{i}_lo AND s.village_code < @c{i}_hi)");
            parameters.Add($"c{i}", codes[i]);
            parameters.Add($"c{i}_lo", codes[i] + ".");
            parameters.Add($"c{i}_hi", codes[i] + "/"); // '/' sorts right after '.'
        }

        sql.Append(codes.Count == 0 ? "0)" : ")");
        if (filter.Status is { } status)
        {
            sql.Append(" AND s.status = @status");
            parameters.Add("status", status);
        }

        if (filter.Review is { } review && reviews.Condition(review) is { } condition)
        {
            sql.Append(" AND (").Append(condition).Append(')');
        }

        if (filter.Category is { } category)
        {
            sql.Append(" AND json_extract(s.answers_json, '$.\"product.category\"') = @category");
            parameters.Add("category", category);
        }

        if (filter.Support is { } support)
        {
            sql.Append(" AND json_extract(s.answers_json, '$.\"support.type\"') = @support");
            parameters.Add("support", support);
        }

        if (filter.Text is { } text)
        {
            sql.Append(
                """
                 AND (s.reference LIKE @text ESCAPE '\' OR s.village_name LIKE @text ESCAPE '\'
                      OR json_extract(s.answers_json, '$."product.name"') LIKE @text ESCAPE '\'
                      OR json_extract(s.answers_json, '$."respondent.name"') LIKE @text ESCAPE '\' OR c.display_name LIKE @text ESCAPE '\')
                """);
            parameters.Add("text", "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        }

        return (sql.ToString(), parameters);
    }

    /// <summary>One record with its respondent, or null.</summary>
    public sealed class Detail
    {
        public long Id { get; init; }
        public long ContactId { get; init; }
        public string? Reference { get; init; }
        public string Status { get; init; } = "";
        public long Revision { get; init; }
        public string? VillageCode { get; init; }
        public string? VillageName { get; init; }
        public string AnswersJson { get; init; } = "{}";
        public string UpdatedAt { get; init; } = "";
        public string Channel { get; init; } = "";
        public string Address { get; init; } = "";
        public string? DisplayName { get; init; }
        public string? Phone { get; init; }
    }

    public async Task<Detail?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await connection.QuerySingleOrDefaultAsync<Detail>(new CommandDefinition(
            """
            SELECT s.id, s.contact_id AS contactid, s.reference, s.status, s.revision, s.village_code AS villagecode,
                   s.village_name AS villagename, s.answers_json AS answersjson, s.updated_at AS updatedat, c.channel, c.address,
                   c.display_name AS displayname, c.phone
            FROM submissions s JOIN contacts c ON c.id = s.contact_id WHERE s.id = @id
            """, new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>One revision of a record, oldest first.</summary>
    public sealed class Revision
    {
        public long Number { get; init; }
        public string AnswersJson { get; init; } = "{}";
        public string ChangedAt { get; init; } = "";
        public string Channel { get; init; } = "";
        public string Address { get; init; } = "";
        public string? DisplayName { get; init; }
    }

    public async Task<IReadOnlyList<Revision>> HistoryAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<Revision>(new CommandDefinition(
            """
            SELECT h.revision AS number, h.answers_json AS answersjson, h.changed_at AS changedat, c.channel, c.address, c.display_name AS displayname
            FROM submission_history h JOIN contacts c ON c.id = h.contact_id WHERE h.submission_id = @id ORDER BY h.revision, h.id
            """, new { id }, cancellationToken: cancellationToken))).ToList();
    }
}
