using Dapper;
using OvopBot.Storage;

namespace OvopBot.Regions;

/// <summary>
/// Status by region over the store: which villages have a submitted product, which are in progress, which have
/// not started, and who to call about the missing ones. The counting itself is <see cref="RegionStatusReport"/>'s.
/// </summary>
public sealed class RegionStatusQuery(SqliteDatabase database, RegionCatalog catalog)
{
    /// <summary>Counts per regency and district under the codes (e.g. a facilitator's scope).</summary>
    public async Task<RegionStatusReport> ReportAsync(IReadOnlyList<string> regionCodes, CancellationToken cancellationToken) =>
        RegionStatusReport.Build(catalog, regionCodes, await ProgressByVillageAsync(cancellationToken));

    /// <summary>Villages under the codes without a submitted product, in code order, with their latest respondent.</summary>
    public async Task<IReadOnlyList<MissingVillage>> MissingAsync(IReadOnlyList<string> regionCodes, CancellationToken cancellationToken)
    {
        var progress = await ProgressByVillageAsync(cancellationToken);
        var contacts = await LatestContactsAsync(cancellationToken);
        return RegionStatusReport.Villages(catalog, regionCodes, progress)
            .Where(row => row.Progress != VillageProgress.Submitted)
            .Select(row =>
            {
                var location = catalog.Locate(row.Village);
                return contacts.TryGetValue(row.Village.Code, out var c)
                    ? new MissingVillage(location, row.Progress, $"{c.Channel}:{c.Address}", c.DisplayName, c.Phone)
                    : new MissingVillage(location, row.Progress, null, null, null);
            })
            .ToList();
    }

    /// <summary>Village code → submitted / in progress; villages nobody started are absent.</summary>
    public async Task<IReadOnlyDictionary<string, VillageProgress>> ProgressByVillageAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<(string Code, long Submitted)>(new CommandDefinition(
            """
            SELECT village_code, max(status = 'submitted') FROM submissions
            WHERE village_code IS NOT NULL GROUP BY village_code
            """, cancellationToken: cancellationToken));
        var result = new Dictionary<string, VillageProgress>(StringComparer.Ordinal);
        foreach (var (code, submitted) in rows)
        {
            if (RegionCode.Normalize(code) is { } dotted)
            {
                var state = submitted == 1 ? VillageProgress.Submitted : VillageProgress.InProgress;
                result[dotted] = result.GetValueOrDefault(dotted) == VillageProgress.Submitted ? VillageProgress.Submitted : state;
            }
        }

        return result;
    }

    private async Task<Dictionary<string, (string Channel, string Address, string? DisplayName, string? Phone)>> LatestContactsAsync(
        CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<(string Code, string Channel, string Address, string? DisplayName, string? Phone)>(
            new CommandDefinition(
                """
                SELECT s.village_code, c.channel, c.address, c.display_name, c.phone
                FROM submissions s JOIN contacts c ON c.id = s.contact_id
                WHERE s.village_code IS NOT NULL ORDER BY s.updated_at
                """, cancellationToken: cancellationToken));
        var result = new Dictionary<string, (string, string, string?, string?)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (RegionCode.Normalize(row.Code) is { } dotted)
            {
                result[dotted] = (row.Channel, row.Address, row.DisplayName, row.Phone); // later rows win: the latest respondent
            }
        }

        return result;
    }
}
