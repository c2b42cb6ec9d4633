namespace OvopBot.Regions;

/// <summary>
/// Finds the official village a person means from what they typed ("desa oel nasi", "Oelnasy", "KEL. OEBOBO"),
/// within the service's <see cref="RegionScope"/>. Built once (the names are normalised and indexed up front);
/// immutable and safe to share between threads. It only proposes: the conversation confirms with the person.
/// </summary>
public sealed class VillageMatcher
{
    private readonly RegionCatalog _catalog;
    private readonly Village[] _villages;
    private readonly NameIndex _villageIndex;
    private readonly District[] _districts;
    private readonly NameIndex _districtIndex;
    private readonly Lazy<(Village[] Villages, NameIndex Index)> _outside;

    public VillageMatcher(RegionCatalog catalog, RegionScope scope)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(scope);
        _catalog = catalog;
        Scope = scope;
        _villages = [.. catalog.VillagesIn(scope.Codes)];
        _villageIndex = IndexOf(_villages, v => v.Name, NameKey.ForVillages);
        _districts = [.. scope.Codes.SelectMany(code => DistrictsUnder(catalog, code)).DistinctBy(d => d.Code)];
        _districtIndex = IndexOf(_districts, d => d.Name, NameKey.ForDistricts);

        // Most answers are found inside the scope; the rest of the country is indexed on first need only.
        _outside = new Lazy<(Village[], NameIndex)>(() =>
        {
            var outside = catalog.Villages.Where(v => !scope.Contains(v.Code)).ToArray();
            return (outside, IndexOf(outside, v => v.Name, NameKey.ForVillages));
        });
    }

    /// <summary>The area this matcher searches.</summary>
    public RegionScope Scope { get; }

    /// <summary>How many villages lie in the scope.</summary>
    public int VillageCount => _villages.Length;

    /// <summary>
    /// The form a typed village name is compared in ("Desa Oel-Nasi" → "oelnasi"), for showing operators how a
    /// name is matched (<c>regions find</c>); empty when the text cannot name a village.
    /// </summary>
    public static string ComparisonKey(string? typed) => NameKey.ForVillages.Of(typed);

    /// <summary>
    /// Candidates inside the scope, best first, at most <paramref name="max"/>. Empty for input that cannot name a
    /// village: blank, a number, a single letter, or nothing within a few edits.
    /// </summary>
    public IReadOnlyList<VillageCandidate> Find(string? typed, int max = 8)
    {
        var key = NameKey.ForVillages.Of(typed);
        return Villages(_villages, _villageIndex, key, RankedNames.Tolerance(key.Length), max);
    }

    /// <summary>
    /// Villages <em>outside</em> the scope whose name is the typed one or one edit from it, so the bot can say
    /// "that village is not in the area this service covers" instead of offering wrong villages inside it.
    /// </summary>
    public IReadOnlyList<VillageCandidate> FindOutsideScope(string? typed, int max = 8)
    {
        var key = NameKey.ForVillages.Of(typed);
        if (key.Length < 2)
        {
            return [];
        }

        var (villages, index) = _outside.Value;
        return Villages(villages, index, key, key.Length >= 5 ? 1 : 0, max);
    }

    /// <summary>Districts (kecamatan) inside the scope for a typed name, best first; the "which kecamatan?" step.</summary>
    public IReadOnlyList<DistrictCandidate> FindDistricts(string? typed, int max = 8)
    {
        var key = NameKey.ForDistricts.Of(typed);
        if (key.Length < 2)
        {
            return [];
        }

        var ranked = RankedNames.Find(
            _districtIndex, key, RankedNames.Tolerance(key.Length), Clamp(max), i => _districts[i].Code);
        return ranked.ConvertAll(r => new DistrictCandidate(
            _districts[r.Item],
            _catalog.Regency(_districts[r.Item].RegencyCode)!,
            r.Score,
            r.Distance,
            r.IsExact,
            r.IsConfident));
    }

    private List<VillageCandidate> Villages(Village[] villages, NameIndex index, string key, int tolerance, int max)
    {
        // One letter (or none) names nothing: any village would be a guess.
        if (key.Length < 2)
        {
            return [];
        }

        var ranked = RankedNames.Find(index, key, tolerance, Clamp(max), i => villages[i].Code);
        return ranked.ConvertAll(r => new VillageCandidate(
            _catalog.Locate(villages[r.Item]), r.Score, r.Distance, r.IsExact, r.IsConfident));
    }

    /// <summary>A district scope is its own single district; wider scopes hold all districts below them.</summary>
    private static IReadOnlyList<District> DistrictsUnder(RegionCatalog catalog, string code) =>
        catalog.District(code) is { } district ? [district] : catalog.DistrictsOf(code);

    private static int Clamp(int max) => Math.Clamp(max, 1, RankedNames.MaxResults);

    private static NameIndex IndexOf<T>(T[] items, Func<T, string> name, NameKey keys) =>
        new(Array.ConvertAll(items, item => keys.Of(name(item))));
}
