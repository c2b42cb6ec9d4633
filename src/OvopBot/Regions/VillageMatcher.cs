namespace OvopBot.Regions;

/// <summary>
/// Finds the official village a person means from what they typed ("desa oel nasi", "Oelnasy", "KEL. OEBOBO"),
/// within the service's <see cref="RegionScope"/>. Built once (the names are normalised and indexed up front);
/// immutable and safe to share between threads. It only proposes: the conversation confirms with the person.
/// </summary>
public sealed class VillageMatcher
{
    private readonly RegionCatalog _catalog;
    private readonly Indexed<Village> _villages;
    private readonly Indexed<District> _districts;
    private readonly Lazy<Indexed<Village>> _outside;

    public VillageMatcher(RegionCatalog catalog, RegionScope scope)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(scope);
        _catalog = catalog;
        Scope = scope;
        _villages = VillagesIndexed([.. catalog.VillagesIn(scope.Codes)]);
        _districts = new Indexed<District>(
            [.. scope.Codes.SelectMany(code => DistrictsUnder(catalog, code)).DistinctBy(d => d.Code)],
            d => d.Name,
            d => d.Code,
            NameKey.ForDistricts);

        // Most answers are found inside the scope; the rest of the country is indexed on first need only.
        _outside = new Lazy<Indexed<Village>>(() =>
            VillagesIndexed([.. catalog.Villages.Where(v => !scope.Contains(v.Code))]));
    }

    /// <summary>The area this matcher searches.</summary>
    public RegionScope Scope { get; }

    /// <summary>How many villages lie in the scope.</summary>
    public int VillageCount => _villages.Items.Length;

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
        var name = NameForms.Of(NameKey.ForVillages, typed);
        return Villages(_villages, name, RankedNames.Tolerance(name.Key.Length), max);
    }

    /// <summary>
    /// Villages <em>outside</em> the scope whose name is the typed one or one edit from it, so the bot can say
    /// "that village is not in the area this service covers" instead of offering wrong villages inside it.
    /// </summary>
    public IReadOnlyList<VillageCandidate> FindOutsideScope(string? typed, int max = 8)
    {
        var name = NameForms.Of(NameKey.ForVillages, typed);
        return name.Key.Length < 2 ? [] : Villages(_outside.Value, name, name.Key.Length >= 5 ? 1 : 0, max);
    }

    /// <summary>Districts (kecamatan) inside the scope for a typed name, best first; the "which kecamatan?" step.</summary>
    public IReadOnlyList<DistrictCandidate> FindDistricts(string? typed, int max = 8)
    {
        var name = NameForms.Of(NameKey.ForDistricts, typed);
        if (name.Key.Length < 2)
        {
            return [];
        }

        var ranked = _districts.Find(name, RankedNames.Tolerance(name.Key.Length), Clamp(max));
        return ranked.ConvertAll(r => new DistrictCandidate(
            _districts.Items[r.Item],
            _catalog.Regency(_districts.Items[r.Item].RegencyCode)!,
            r.Score,
            r.Distance,
            r.IsExact,
            r.IsConfident));
    }

    private List<VillageCandidate> Villages(Indexed<Village> villages, NameForms name, int tolerance, int max)
    {
        // One letter (or none) names nothing: any village would be a guess.
        if (name.Key.Length < 2)
        {
            return [];
        }

        return villages.Find(name, tolerance, Clamp(max)).ConvertAll(r => new VillageCandidate(
            _catalog.Locate(villages.Items[r.Item]), r.Score, r.Distance, r.IsExact, r.IsConfident));
    }

    /// <summary>A district scope is its own single district; wider scopes hold all districts below them.</summary>
    private static IReadOnlyList<District> DistrictsUnder(RegionCatalog catalog, string code) =>
        catalog.District(code) is { } district ? [district] : catalog.DistrictsOf(code);

    private static Indexed<Village> VillagesIndexed(Village[] villages) =>
        new(villages, v => v.Name, v => v.Code, NameKey.ForVillages);

    private static int Clamp(int max) => Math.Clamp(max, 1, RankedNames.MaxResults);

    /// <summary>Places (villages or districts), their name index and their spaced names for tie-breaking.</summary>
    private sealed class Indexed<T>
        where T : class
    {
        private readonly NameIndex _index;
        private readonly string[] _spaced;
        private readonly string[] _codes;

        public Indexed(T[] items, Func<T, string> nameOf, Func<T, string> codeOf, NameKey keys)
        {
            Items = items;
            var names = Array.ConvertAll(items, item => nameOf(item));
            var plain = Array.ConvertAll(names, keys.Of);
            _index = new NameIndex(plain);

            // Most names are one word: then the spaced form is the key itself, and no second string is kept.
            _spaced = new string[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                var spaced = keys.SpacedOf(names[i]);
                _spaced[i] = spaced == plain[i] ? plain[i] : spaced;
            }

            _codes = Array.ConvertAll(items, item => codeOf(item));
        }

        public T[] Items { get; }

        public List<RankedNames.Ranked> Find(NameForms name, int tolerance, int max) =>
            RankedNames.Find(_index, name, tolerance, max, i => _codes[i], i => _spaced[i]);
    }
}
