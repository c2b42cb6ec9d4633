using System.Collections.ObjectModel;

namespace OvopBot.Regions;

/// <summary>
/// Indonesia's official provinces, regencies, districts and villages (Kemendagri codes), loaded once from
/// <c>data/wilayah/*.csv</c>. Immutable after <see cref="Load"/>, so one instance serves every thread.
/// </summary>
/// <remarks>
/// Each level is kept as one array sorted by code. Because codes nest ("53.01" ⊂ "53"), everything under a code is
/// a contiguous run of that array, found by binary search: no child maps to build or keep in step.
/// </remarks>
public sealed class RegionCatalog
{
    private readonly Level<Province> _provinces;
    private readonly Level<Regency> _regencies;
    private readonly Level<District> _districts;
    private readonly Level<Village> _villages;

    internal RegionCatalog(
        (Province[] Sorted, Dictionary<string, Province> ByCode) provinces,
        (Regency[] Sorted, Dictionary<string, Regency> ByCode) regencies,
        (District[] Sorted, Dictionary<string, District> ByCode) districts,
        (Village[] Sorted, Dictionary<string, Village> ByCode) villages)
    {
        _provinces = new Level<Province>(provinces.Sorted, provinces.ByCode, p => p.Code);
        _regencies = new Level<Regency>(regencies.Sorted, regencies.ByCode, r => r.Code);
        _districts = new Level<District>(districts.Sorted, districts.ByCode, d => d.Code);
        _villages = new Level<Village>(villages.Sorted, villages.ByCode, v => v.Code);
    }

    /// <summary>Where the built app (and the tests) find the data: <c>data/wilayah</c> beside the binaries.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "data", "wilayah");

    public IReadOnlyList<Province> Provinces => _provinces.All;

    public IReadOnlyList<Regency> Regencies => _regencies.All;

    public IReadOnlyList<District> Districts => _districts.All;

    public IReadOnlyList<Village> Villages => _villages.All;

    /// <summary>
    /// Reads <c>provinces.csv</c>, <c>regencies.csv</c>, <c>districts.csv</c> and <c>villages.csv</c>; throws
    /// <see cref="InvalidDataException"/> naming file and line when a row is malformed or points at a missing parent.
    /// </summary>
    public static RegionCatalog Load(string wilayahDirectory) => RegionCatalogLoader.Load(wilayahDirectory);

    public Province? Province(string code) => _provinces.Get(code);

    public Regency? Regency(string code) => _regencies.Get(code);

    public District? District(string code) => _districts.Get(code);

    public Village? Village(string code) => _villages.Get(code);

    /// <summary>True when the code names a known province, regency, district or village.</summary>
    public bool Contains(string code) => Name(code) is not null;

    /// <summary>The official name of a code at any level, or null when unknown.</summary>
    public string? Name(string code) => RegionCode.LevelOf(code) switch
    {
        RegionLevel.Province => Province(code)?.Name,
        RegionLevel.Regency => Regency(code)?.Name,
        RegionLevel.District => District(code)?.Name,
        RegionLevel.Village => Village(code)?.Name,
        _ => null,
    };

    /// <summary>The regencies/cities of a province (empty for an unknown code).</summary>
    public IReadOnlyList<Regency> RegenciesOf(string code) => _regencies.Under(code);

    /// <summary>The districts under a regency (or under a whole province); empty for an unknown code.</summary>
    public IReadOnlyList<District> DistrictsOf(string code) => _districts.Under(code);

    /// <summary>The villages under a district, regency or province (a village code gives itself).</summary>
    public IReadOnlyList<Village> VillagesOf(string code) => _villages.Under(code);

    /// <summary>True when <paramref name="code"/> is known and is <paramref name="scopeCode"/> or lies under it.</summary>
    public bool IsWithin(string code, string scopeCode) => Contains(code) && RegionCode.IsWithin(code, scopeCode);

    /// <summary>
    /// The villages under any of the scope codes, in code order, each once even when the codes overlap
    /// (<c>53</c> and <c>53.01</c>).
    /// </summary>
    public IReadOnlyList<Village> VillagesIn(IReadOnlyList<string> scopeCodes)
    {
        ArgumentNullException.ThrowIfNull(scopeCodes);
        if (scopeCodes.Count == 1)
        {
            return VillagesOf(scopeCodes[0]);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Village>();
        foreach (var code in scopeCodes)
        {
            foreach (var village in VillagesOf(code))
            {
                if (seen.Add(village.Code))
                {
                    result.Add(village);
                }
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return result.AsReadOnly();
    }

    /// <summary>The village with its district, regency and province, or null for an unknown village code.</summary>
    public VillageLocation? Locate(string villageCode)
    {
        var village = Village(villageCode);
        return village is null ? null : Locate(village);
    }

    /// <summary>The village with its district, regency and province (always found for a village of this catalog).</summary>
    public VillageLocation Locate(Village village)
    {
        ArgumentNullException.ThrowIfNull(village);
        var district = _districts.Get(village.DistrictCode)!;
        var regency = _regencies.Get(district.RegencyCode)!;
        return new VillageLocation(village, district, regency, _provinces.Get(regency.ProvinceCode)!);
    }

    /// <summary>One level: records sorted by code, a code → record map, and prefix ranges by binary search.</summary>
    private sealed class Level<T>
        where T : class
    {
        private readonly T[] _items;
        private readonly Func<T, string> _code;
        private readonly Dictionary<string, T> _byCode;

        public Level(T[] items, Dictionary<string, T> byCode, Func<T, string> code)
        {
            _items = items;
            _code = code;
            _byCode = byCode;
            All = Array.AsReadOnly(items);
        }

        public IReadOnlyList<T> All { get; }

        public T? Get(string code) => _byCode.GetValueOrDefault(code);

        public IReadOnlyList<T> Under(string code)
        {
            ArgumentNullException.ThrowIfNull(code);
            var start = LowerBound(code);
            var end = start;
            while (end < _items.Length && RegionCode.IsWithin(_code(_items[end]), code))
            {
                end++;
            }

            return end == start ? [] : new ReadOnlyCollection<T>(new ArraySegment<T>(_items, start, end - start));
        }

        private int LowerBound(string code)
        {
            int low = 0, high = _items.Length;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (string.CompareOrdinal(_code(_items[mid]), code) < 0)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }
    }
}
