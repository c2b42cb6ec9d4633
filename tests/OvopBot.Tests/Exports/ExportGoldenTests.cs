using System.Text;
using OvopBot.Exports;

namespace OvopBot.Tests.Exports;

/// <summary>
/// Each kind, in CSV and JSONL, after the happy-path conversation, compared byte for byte with a golden file in
/// <c>Exports/Golden/</c>. Set OVOP_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
/// </summary>
public sealed class ExportGoldenTests
{
    private static string GoldenFolder => Path.Combine(TestSupport.RepoPaths.Root, "tests", "OvopBot.Tests", "Exports", "Golden");

    public static TheoryData<ExportKind, ExportFormat> Cases()
    {
        var data = new TheoryData<ExportKind, ExportFormat>();
        foreach (var kind in Enum.GetValues<ExportKind>())
        {
            data.Add(kind, ExportFormat.Csv);
            data.Add(kind, ExportFormat.Jsonl);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_piped_conversation_exports_exactly_as_the_golden_file(ExportKind kind, ExportFormat format)
    {
        using var bench = new ExportBench();
        await bench.ReplayAsync();
        var path = bench.File("out." + format.ToString().ToLowerInvariant());

        bench.Exports.ExportToFile(ExportRequest.Of(kind, format), path);

        var golden = Path.Combine(GoldenFolder, $"{kind.ToString().ToLowerInvariant()}.{format.ToString().ToLowerInvariant()}");
        var actual = File.ReadAllBytes(path);
        if (Environment.GetEnvironmentVariable("OVOP_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(golden, actual);
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}; run with OVOP_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(golden)), Encoding.UTF8.GetString(actual));
    }
}
