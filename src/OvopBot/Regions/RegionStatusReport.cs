namespace OvopBot.Regions;

/// <summary>
/// Status by region: for one or more region codes, village counts per regency → district (total, submitted, in
/// progress, not started). A pure function of the catalog and a map <c>village code → progress</c> that the store
/// supplies, so it is tested without a database and the store stays the only place that knows SQL.
/// </summary>
public sealed record RegionStatusReport(
    IReadOnlyList<string> RegionCodes,
    ProgressCounts Totals,
    IReadOnlyList<RegencyProgress> Regencies)
{
    /// <summary>The report for one region code (province, regency, district or village; dotted or compact).</summary>
    public static RegionStatusReport Build(
        RegionCatalog catalog, string regionCode, IReadOnlyDictionary<string, VillageProgress> progressByVillage) =>
        Build(catalog, [regionCode], progressByVillage);

    /// <summary>
    /// The report for several region codes (e.g. a scope); villages the map does not name are not started, and
    /// map entries outside the codes are ignored. Throws <see cref="ArgumentException"/> for an unknown code.
    /// </summary>
    public static RegionStatusReport Build(
        RegionCatalog catalog,
        IReadOnlyList<string> regionCodes,
        IReadOnlyDictionary<string, VillageProgress> progressByVillage)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(progressByVillage);
        var codes = Known(catalog, regionCodes);
        var regencies = new List<RegencyProgress>();
        var districts = new List<DistrictProgress>();
        var totals = default(ProgressCounts);
        District? district = null;
        var districtCounts = default(ProgressCounts);
        foreach (var village in catalog.VillagesIn(codes))
        {
            if (district is not null && district.Code != village.DistrictCode)
            {
                CloseDistrict();
            }

            district ??= catalog.District(village.DistrictCode)!;
            districtCounts = districtCounts.With(progressByVillage.GetValueOrDefault(village.Code));
        }

        CloseDistrict();
        CloseRegency();
        return new RegionStatusReport(codes.AsReadOnly(), totals, regencies.AsReadOnly());

        // Villages come in code order, so districts and regencies close one after another.
        void CloseDistrict()
        {
            if (district is null)
            {
                return;
            }

            if (districts.Count > 0 && districts[0].District.RegencyCode != district.RegencyCode)
            {
                CloseRegency();
            }

            districts.Add(new DistrictProgress(district, districtCounts));
            totals += districtCounts;
            district = null;
            districtCounts = default;
        }

        void CloseRegency()
        {
            if (districts.Count == 0)
            {
                return;
            }

            var sum = districts.Aggregate(default(ProgressCounts), (acc, d) => acc + d.Counts);
            regencies.Add(new RegencyProgress(
                catalog.Regency(districts[0].District.RegencyCode)!, sum, districts.ToArray()));
            districts.Clear();
        }
    }

    /// <summary>Every village under the region codes with its progress, in code order.</summary>
    public static IReadOnlyList<VillageProgressRow> Villages(
        RegionCatalog catalog,
        IReadOnlyList<string> regionCodes,
        IReadOnlyDictionary<string, VillageProgress> progressByVillage)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(progressByVillage);
        return [.. catalog.VillagesIn(Known(catalog, regionCodes))
            .Select(v => new VillageProgressRow(v, progressByVillage.GetValueOrDefault(v.Code)))];
    }

    private static List<string> Known(RegionCatalog catalog, IReadOnlyList<string> regionCodes)
    {
        ArgumentNullException.ThrowIfNull(regionCodes);
        return [.. regionCodes.Select(code => RegionCode.Normalize(code) is { } dotted && catalog.Contains(dotted)
            ? dotted
            : throw new ArgumentException($"unknown region code '{code}'", nameof(regionCodes)))];
    }
}
