using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Flows;

public sealed class FlowLoadingTests
{
    private static string BrokenFolder => Path.Combine(RepoPaths.Root, "tests", "OvopBot.Tests", "Flows", "Broken");

    /// <summary>The commands and texts of the real flow, appended after a broken file so line numbers stay put.</summary>
    private static string SharedTail()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Flows, "ovop-registration.yaml"));
        var start = Array.FindIndex(lines, l => l.StartsWith("commands:", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l.StartsWith("nodes:", StringComparison.Ordinal));
        return string.Join('\n', lines[start..end]);
    }

    public static TheoryData<string> BrokenFlows() => DataFiles.In(Path.Combine("Flows", "Broken"));

    [Theory]
    [MemberData(nameof(BrokenFlows))]
    public void Broken_flow_is_refused_with_file_line_and_message(string file)
    {
        var text = File.ReadAllText(Path.Combine(BrokenFolder, file));
        var expected = text.Split('\n')[0].Replace("# error: ", "", StringComparison.Ordinal).Trim();
        var errors = new List<FlowError>();

        var flow = FlowCatalog.LoadText($"flows/{file}", text + "\n" + SharedTail(), errors);

        Assert.Null(flow);
        Assert.Contains(errors, e => $"{e.Line}: {e.Message}".StartsWith(expected, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.StartsWith($"flows/{file}:", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_flows_are_valid()
    {
        var (catalog, errors) = FlowCatalog.TryLoad(RepoPaths.Flows);

        Assert.Empty(errors);
        Assert.NotNull(catalog);
        Assert.True(catalog.TryGet("ovop-registration", out _));
    }

    [Fact]
    public void A_flow_without_a_required_text_names_the_missing_key()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Flows, "ovop-registration.yaml"));
        var broken = text.Replace("  help_hint: {", "  help_hunt: {", StringComparison.Ordinal);
        var errors = new List<FlowError>();

        FlowCatalog.LoadText("flows/ovop-registration.yaml", broken, errors);

        Assert.Contains(errors, e => e.Message == "text 'help_hint' is missing from 'texts'");
    }

    [Fact]
    public void Two_files_with_the_same_flow_id_are_refused()
    {
        using var temp = new TempDirectory();
        var text = File.ReadAllText(Path.Combine(RepoPaths.Flows, "ovop-registration.yaml"));
        File.WriteAllText(temp.File("a.yaml"), text);
        File.WriteAllText(temp.File("b.yaml"), text);

        var (catalog, errors) = FlowCatalog.TryLoad(temp.Path);

        Assert.Null(catalog);
        Assert.Contains(errors, e => e.ToString().EndsWith("flow id 'ovop-registration' is also used by " + Path.GetFileName(temp.Path) + "/a.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_question_fits_a_basic_phone_screen_in_every_language()
    {
        var catalog = FlowCatalog.Load(RepoPaths.Flows);
        foreach (var flow in catalog.Flows)
        {
            foreach (var node in flow.Nodes.Where(n => n.Expect is not (AnswerKind.Summary or AnswerKind.Input) && n.Says))
            {
                foreach (var language in flow.Languages)
                {
                    var text = node.IsQuestion ? MessageRenderer.Question(flow, node, language).Text : node.Say(flow, language);
                    Assert.True(text.Length <= 500, $"{flow.SourceFile} node '{node.Id}' ({language}) is {text.Length} characters");
                }
            }

            foreach (var (key, text) in flow.Texts)
            {
                Assert.All(flow.Languages, l => Assert.True(text.Get(l).Length <= 500, $"text '{key}' ({l}) is too long"));
            }
        }
    }
}
