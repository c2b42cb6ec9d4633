using BenchmarkDotNet.Attributes;
using OvopBot.Regions;

namespace OvopBot.Benchmarks.Regions;

/// <summary>
/// One <see cref="VillageMatcher.Find"/> over NTT (3,442 villages; target ≤ 1 ms median) and over all Indonesia
/// (83,762; target ≤ 5 ms), for typical answers: exact, a typo, spaced, and a short name with many neighbours.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class deriving from it.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class VillageMatcherBenchmarks
{
    private VillageMatcher _ntt = null!;
    private VillageMatcher _indonesia = null!;

    [Params("Desa Oelnasi", "Oelnasy", "oel nasi", "Kuanfatu Selatn", "Oeb")]
    public string Typed { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = RegionCatalog.Load(RegionCatalog.DefaultDirectory);
        _ntt = new VillageMatcher(catalog, RegionScope.Parse("53", catalog));
        var everywhere = string.Join(',', catalog.Provinces.Select(p => p.Code));
        _indonesia = new VillageMatcher(catalog, RegionScope.Parse(everywhere, catalog));
    }

    [Benchmark(Description = "Find, NTT")]
    public IReadOnlyList<VillageCandidate> FindInNtt() => _ntt.Find(Typed);

    [Benchmark(Description = "Find, all Indonesia")]
    public IReadOnlyList<VillageCandidate> FindInIndonesia() => _indonesia.Find(Typed);
}
