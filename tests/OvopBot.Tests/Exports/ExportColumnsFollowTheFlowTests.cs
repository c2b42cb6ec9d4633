using System.Text.Json.Nodes;
using OvopBot.Exports;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Exports;

/// <summary>Export columns come from the flow: renaming a field in the YAML moves its column instead of emptying it.</summary>
public sealed class ExportColumnsFollowTheFlowTests
{
    [Fact]
    public void Renaming_the_product_field_moves_its_column_in_submissions_and_requests()
    {
        using var flows = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Flows, "*.yaml"))
        {
            File.Copy(file, Path.Combine(flows.Path, Path.GetFileName(file)));
        }

        var registration = Path.Combine(flows.Path, "ovop-registration.yaml");
        File.WriteAllText(registration, File.ReadAllText(registration).Replace("save: product.name", "save: product.title", StringComparison.Ordinal)
            .Replace("label: { id: \"Produk\", en: \"Product\" }", "label: { id: \"Nama produk\", en: \"Product title\" }", StringComparison.Ordinal));
        using var bench = new ExportBench(new Dictionary<string, string> { ["Flows:Path"] = flows.Path });
        bench.Village("53.01.08.2006", "Oelnasi", "submitted", new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero),
            new Dictionary<string, object?> { ["product.title"] = "Tenun ikat", ["support.type"] = "funding", ["support.funding.amount"] = 15000000m });

        var submission = Export(bench, ExportKind.Submissions).Single();
        var request = Export(bench, ExportKind.Requests).Single();

        Assert.Equal("Tenun ikat", submission["product.title"]!.ToString());
        Assert.False(submission.ContainsKey("product.name"));
        Assert.Equal("Tenun ikat", request["product.title"]!.ToString());
        Assert.Equal(15000000m, request["support.funding.amount"]!.GetValue<decimal>());
    }

    private static List<JsonObject> Export(ExportBench bench, ExportKind kind)
    {
        var path = bench.File($"{kind}.jsonl");
        bench.Exports.ExportToFile(new ExportRequest([kind], ExportFormat.Jsonl, new ExportFilter()), path);
        return File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }
}
