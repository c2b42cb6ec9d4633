using Dapper;
using OvopBot.Storage;

namespace OvopBot.Web;

/// <summary>
/// What the progress page reads, restricted to the region's range of village codes (the index serves it), so a
/// regency's page never reads the rest of the country: counts per part of a large area in SQL, and for a small one
/// each village's state with the person to call.
/// </summary>
public sealed class ProgressQuery(SqliteDatabase database)
{
    /// <summary>A village someone has started: submitted or not, and the latest respondent.</summary>
    public sealed record Started(bool Submitted, string Contact, string? Name, string? Phone);

    /// <summary>Per part of the codes (the first <paramref name="partLength"/> characters of the village code): villages submitted and in progress.</summary>
    public async Task<Dictionary<string, (int Submitted, int InProgress)>> PartsAsync(string code, int partLength, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<(string Part, long Submitted, long InProgress)>(new CommandDefinition(
            """
            SELECT substr(village_code, 1, @partLength), sum(done), sum(1 - done) FROM (
                SELECT village_code, max(status = 'submitted') AS done FROM submissions
                WHERE village_code > @lo AND village_code < @hi GROUP BY village_code)
            GROUP BY 1
            """, new { partLength, lo = code + ".", hi = code + "/" }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Part, r => ((int)r.Submitted, (int)r.InProgress), StringComparer.Ordinal);
    }

    /// <summary>Every started village under the code, with whether it is submitted and who answered last.</summary>
    public async Task<Dictionary<string, Started>> VillagesAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<(string Code, string Status, string Channel, string Address, string? Name, string? Phone)>(new CommandDefinition(
            """
            SELECT s.village_code, s.status, c.channel, c.address, coalesce(json_extract(s.answers_json, '$."respondent.name"'), c.display_name), c.phone
            FROM submissions s JOIN contacts c ON c.id = s.contact_id
            WHERE s.village_code > @lo AND s.village_code < @hi ORDER BY s.updated_at, s.id
            """, new { lo = code + ".", hi = code + "/" }, cancellationToken: cancellationToken));
        var result = new Dictionary<string, Started>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            // Later rows win (the latest respondent); a village once submitted stays submitted.
            var submitted = row.Status == "submitted" || (result.TryGetValue(row.Code, out var before) && before.Submitted);
            result[row.Code] = new Started(submitted, $"{row.Channel}:{row.Address}", row.Name, row.Phone);
        }

        return result;
    }
}
