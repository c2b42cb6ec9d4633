namespace OvopBot.Regions;

/// <summary>
/// Builds a <see cref="RegionCatalog"/> from the four wilayah CSV files, checking every row: code shape, level,
/// a known parent, the code nested in its parent's, no duplicates. Parent codes are shared string instances.
/// </summary>
internal static class RegionCatalogLoader
{
    public static RegionCatalog Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var provinces = new Dictionary<string, Province>(64, StringComparer.Ordinal);
        WilayahCsv.Read(Path.Combine(directory, "provinces.csv"), "code,name", 2, row =>
        {
            var code = CheckedCode(row, RegionLevel.Province, parentCode: null);
            Add(provinces, code, new Province(code, row.Text(1)), row);
        });

        var regencies = new Dictionary<string, Regency>(1024, StringComparer.Ordinal);
        var provinceLookup = provinces.GetAlternateLookup<ReadOnlySpan<char>>();
        WilayahCsv.Read(Path.Combine(directory, "regencies.csv"), "code,province_code,name", 3, row =>
        {
            var parent = Parent(provinceLookup, row).Code;
            var code = CheckedCode(row, RegionLevel.Regency, parent);
            Add(regencies, code, new Regency(code, row.Text(2), parent), row);
        });

        var districts = new Dictionary<string, District>(8192, StringComparer.Ordinal);
        var regencyLookup = regencies.GetAlternateLookup<ReadOnlySpan<char>>();
        WilayahCsv.Read(Path.Combine(directory, "districts.csv"), "code,regency_code,name", 3, row =>
        {
            var parent = Parent(regencyLookup, row).Code;
            var code = CheckedCode(row, RegionLevel.District, parent);
            Add(districts, code, new District(code, row.Text(2), parent), row);
        });

        var villages = new Dictionary<string, Village>(90_000, StringComparer.Ordinal);
        var districtLookup = districts.GetAlternateLookup<ReadOnlySpan<char>>();
        WilayahCsv.Read(Path.Combine(directory, "villages.csv"), "code,district_code,name", 3, row =>
        {
            var parent = Parent(districtLookup, row).Code;
            var code = CheckedCode(row, RegionLevel.Village, parent);
            Add(villages, code, new Village(code, row.Text(2), parent), row);
        });

        return new RegionCatalog(
            (Sorted(provinces.Values, p => p.Code), provinces),
            (Sorted(regencies.Values, r => r.Code), regencies),
            (Sorted(districts.Values, d => d.Code), districts),
            (Sorted(villages.Values, v => v.Code), villages));
    }

    private static string CheckedCode(WilayahCsv.Row row, RegionLevel level, string? parentCode)
    {
        var code = row.Raw(0).ToString();
        if (RegionCode.LevelOf(code) != level)
        {
            throw row.Error($"'{code}' is not a {level.ToString().ToLowerInvariant()} code");
        }

        if (parentCode is not null
            && !(code.Length > parentCode.Length + 1
                && code.StartsWith(parentCode, StringComparison.Ordinal)
                && code[parentCode.Length] == '.'))
        {
            throw row.Error($"code '{code}' does not lie under its parent '{parentCode}'");
        }

        return code;
    }

    private static T Parent<T>(Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> lookup, WilayahCsv.Row row)
    {
        return lookup.TryGetValue(row.Raw(1), out var parent)
            ? parent
            : throw row.Error($"unknown parent code '{row.Raw(1)}'");
    }

    private static void Add<T>(Dictionary<string, T> items, string code, T item, WilayahCsv.Row row)
        where T : class
    {
        if (!items.TryAdd(code, item))
        {
            throw row.Error($"duplicate code '{code}'");
        }
    }

    /// <summary>The records in code order; the shipped files already are, so usually only the check runs.</summary>
    private static T[] Sorted<T>(IEnumerable<T> items, Func<T, string> code)
    {
        var array = items.ToArray();
        for (var i = 1; i < array.Length; i++)
        {
            if (string.CompareOrdinal(code(array[i - 1]), code(array[i])) > 0)
            {
                Array.Sort(array, (a, b) => string.CompareOrdinal(code(a), code(b)));
                break;
            }
        }

        return array;
    }
}
