using System.Globalization;

namespace OvopBot.Benchmarks;

/// <summary>
/// The latency figures the load verbs print (<c>telegram</c>, <c>broadcast</c>, <c>flood</c>): how many, p50, p95, p99 and max, in
/// milliseconds. Percentiles are nearest-rank (the value at rank ⌈q·n⌉), so p99 of 60 samples is the largest but
/// one: small runs are not flattered by interpolation.
/// </summary>
public sealed record LatencyReport(int Count, double P50, double P95, double P99, double Max)
{
    /// <summary>The figures of these latencies (milliseconds, any order); NaN figures when there are none.</summary>
    public static LatencyReport Of(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var sorted = milliseconds.Order().ToArray();
        return new LatencyReport(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99),
            sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    /// <summary>The q-quantile (0 &lt; q ≤ 1) of ascending values by nearest rank; NaN when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>"p50 96 ms  p95 640 ms  p99 1058 ms  max 1529 ms".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50:F0} ms  p95 {P95:F0} ms  p99 {P99:F0} ms  max {Max:F0} ms");
}
