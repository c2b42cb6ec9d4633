using BenchmarkDotNet.Attributes;
using OvopBot.Regions;

namespace OvopBot.Benchmarks.Regions;

/// <summary>Start-up cost of the region data: the whole country (target ≤ 1 s), and the matchers built on it.</summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class deriving from it.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class RegionCatalogBenchmarks
{
    private RegionCatalog _catalog = null!;
    private RegionScope _ntt = null!;
    private RegionScope _indonesia = null!;

    [GlobalSetup]
    public void Setup()
    {
        _catalog = RegionCatalog.Load(RegionCatalog.DefaultDirectory);
        _ntt = RegionScope.Parse("53", _catalog);
        _indonesia = RegionScope.Parse(string.Join(',', _catalog.Provinces.Select(p => p.Code)), _catalog);
    }

    [Benchmark(Description = "load whole country (83,762 villages)")]
    public RegionCatalog LoadWholeCountry() => RegionCatalog.Load(RegionCatalog.DefaultDirectory);

    [Benchmark(Description = "build matcher, NTT")]
    public VillageMatcher BuildNttMatcher() => new(_catalog, _ntt);

    [Benchmark(Description = "build matcher, all Indonesia")]
    public VillageMatcher BuildIndonesiaMatcher() => new(_catalog, _indonesia);
}
