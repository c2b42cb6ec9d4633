using OvopBot.Tests.TestSupport;
using OvopBot.Exports;

namespace OvopBot.Tests.Exports;

/// <summary>
/// Streaming, proved by memory rather than time: the live heap during an export of 10× more messages stays where it
/// was for the smaller one (a buffered export would grow with the rows).
/// </summary>
// The heap is shared by every test running at the same time: measure alone.
[Collection(nameof(MeasuredAlone))]
public sealed class ExportMemoryTests
{
    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    [InlineData(ExportFormat.Jsonl)]
    public void Exporting_ten_times_more_messages_needs_no_more_memory(ExportFormat format)
    {
        var small = PeakHeapGrowth(format, 4_000);
        var large = PeakHeapGrowth(format, 40_000);

        // 36,000 more rows of ~120 bytes of text each would be over 4 MB if they were held; allow 1.5 MB of noise.
        Assert.True(large < small + 1_500_000, $"peak heap growth {small:N0} bytes for 4,000 rows, {large:N0} for 40,000");
    }

    private static long PeakHeapGrowth(ExportFormat format, int messages)
    {
        using var bench = new ExportBench();
        var contact = bench.Village("53.01.08.2006", "Oelnasi", "submitted", DateTimeOffset.UtcNow);
        bench.Messages(contact, messages, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var exports = bench.Exports;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        var progress = new Sampler(() => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline));

        var result = exports.ExportToFile(ExportRequest.Of(ExportKind.Conversations, format), bench.File("out." + format), progress);

        Assert.Equal(messages, result.TotalRows);
        return peak;
    }

    private sealed class Sampler(Action sample) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => sample();
    }
}
