using OvopBot.Regions;

namespace OvopBot.Staff;

/// <summary>The areas a staff member picks from by number: the parts of each of their scopes, one level down.</summary>
public static class StaffAreas
{
    /// <summary>The parts of one scope: its districts (regency), its regencies (province), or itself (district or village).</summary>
    public static IEnumerable<string> PartsOf(RegionCatalog catalog, string scope)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return RegionCode.LevelOf(scope) switch
        {
            RegionLevel.Province => catalog.RegenciesOf(scope).Select(r => r.Code),
            RegionLevel.Regency => catalog.DistrictsOf(scope).Select(d => d.Code),
            _ => [scope],
        };
    }

    /// <summary>Region codes kept in a dialog value, comma-separated.</summary>
    public static IReadOnlyList<string> Split(string? codes) =>
        string.IsNullOrEmpty(codes) ? [] : codes.Split(',');
}
