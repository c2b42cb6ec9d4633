using OvopBot.Regions;

namespace OvopBot.Exports;

/// <summary>
/// The eight region cells of a row (province, regency, district and village, code and name each), from the village
/// code and the official catalog. Without a catalog, or for a code it does not know, the parent codes still follow
/// from the code itself and only the names stay empty.
/// </summary>
internal sealed class RegionNames(RegionCatalog? catalog)
{
    public const int Width = 8;

    public static readonly string[] Keys =
        ["province_code", "province_name", "regency_code", "regency_name", "district_code", "district_name", "village_code", "village_name"];

    public static IEnumerable<ExportColumn> Columns(string language) =>
        Keys.Select(k => ExportHeaders.Column(k, ColumnType.Text, language));

    public void Fill(object?[] row, int at, string? villageCode, string? villageName)
    {
        Array.Clear(row, at, Width);
        row[at + 7] = villageName;
        if (villageCode is null)
        {
            return;
        }

        row[at + 6] = villageCode;
        if (catalog?.Locate(villageCode) is { } place)
        {
            row[at] = place.Province.Code;
            row[at + 1] = place.Province.Name;
            row[at + 2] = place.Regency.Code;
            row[at + 3] = place.Regency.Name;
            row[at + 4] = place.District.Code;
            row[at + 5] = place.District.Name;
            row[at + 7] = villageName ?? place.Village.Name;
            return;
        }

        var district = RegionCode.Parent(villageCode);
        var regency = district is null ? null : RegionCode.Parent(district);
        row[at + 4] = district;
        row[at + 2] = regency;
        row[at] = regency is null ? null : RegionCode.Parent(regency);
    }
}
