using OvopBot.Regions;

namespace OvopBot.Tests.Regions;

/// <summary>The real shipped region data, loaded once for all tests (the catalog and matchers are immutable).</summary>
internal static class Wilayah
{
    private static readonly Lazy<RegionCatalog> LazyCatalog =
        new(() => RegionCatalog.Load(RegionCatalog.DefaultDirectory));

    private static readonly Lazy<VillageMatcher> LazyNtt =
        new(() => new VillageMatcher(Catalog, RegionScope.Parse("53", Catalog)));

    private static readonly Lazy<VillageMatcher> LazyKupangAndBelu =
        new(() => new VillageMatcher(Catalog, RegionScope.Parse("53.01,53.04", Catalog)));

    public static RegionCatalog Catalog => LazyCatalog.Value;

    /// <summary>The default scope: all of Nusa Tenggara Timur.</summary>
    public static VillageMatcher Ntt => LazyNtt.Value;

    /// <summary>The programme's first two regencies only.</summary>
    public static VillageMatcher KupangAndBelu => LazyKupangAndBelu.Value;
}
