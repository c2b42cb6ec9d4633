using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OvopBot.Channels.Console;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Tests.TestSupport;
using OvopBot.Understanding;
using YamlDotNet.Serialization;

namespace OvopBot.Tests.Flows;

/// <summary>
/// Every answer interpreter against its table in <c>Flows/Interpreters/KIND.yaml</c>: an answer typed to a node of a
/// real flow → the value saved, the text of the rejection, or the "did you mean" display. No store, no engine step:
/// the interpreter alone, so a table reads as the interpreter's specification.
/// </summary>
public sealed class InterpreterTableTests
{
    private static string Folder => DataFiles.Folder(Path.Combine("Flows", "Interpreters"));

    public static TheoryData<string> Tables() => DataFiles.In(Path.Combine("Flows", "Interpreters"), withExtension: false);

    [Theory]
    [MemberData(nameof(Tables))]
    public void Each_answer_in_the_table_is_understood_as_written(string table)
    {
        var spec = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(File.ReadAllText(Path.Combine(Folder, table + ".yaml")));
        var flow = LoadFlow(spec.TryGetValue("flow", out var path) ? (string)path : "flows/ovop-registration.yaml");
        var node = flow.Node((string)spec["node"]);
        var interpreter = FlowEngine.CreateDefault().Interpreter(node.Expect);
        using var media = new TempDirectory();
        var cases = (List<object>)spec["cases"];
        for (var i = 0; i < cases.Count; i++)
        {
            var row = (Dictionary<object, object>)cases[i];
            var input = (string)row["input"];
            var message = new ConsoleInputParser(media.Path).Parse(input, "tester", $"t{i}", DateTimeOffset.UnixEpoch);
            var result = interpreter.Interpret(new AnswerInput(flow, node, message, TextCleaner.Clean(message.Text), flow.DefaultLanguage));
            var where = $"{table}.yaml case {i + 1} ({input})";
            switch (result)
            {
                case Accepted accepted when row.TryGetValue("value", out var value):
                    Assert.True(Canonical(value) == Canonical(accepted.Value), $"{where}: expected {Canonical(value)}, got {Canonical(accepted.Value)}");
                    break;
                case Rejected rejected when row.TryGetValue("rejected", out var key):
                    Assert.True((string)key == rejected.TextKey, $"{where}: expected rejection {key}, got {rejected.TextKey}");
                    break;
                case NeedsConfirmation confirm when row.TryGetValue("confirm", out var display):
                    Assert.True((string)display == confirm.Display, $"{where}: expected \"did you mean {display}\", got {confirm.Display}");
                    break;
                default:
                    Assert.Fail($"{where}: expected {string.Join(", ", row.Keys.Where(k => (string)k != "input"))}, got {Describe(result)}");
                    break;
            }
        }
    }

    [Fact]
    public void Every_answer_kind_has_a_table()
    {
        var tables = Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        foreach (var kind in Enum.GetValues<AnswerKind>().Where(k => k is not (AnswerKind.None or AnswerKind.Summary or AnswerKind.Input)))
        {
            var name = kind.ToString().ToLowerInvariant();
            Assert.True(tables.Contains(name), $"answer kind {kind} has no table Flows/Interpreters/{name}.yaml");
        }
    }

    private static FlowDefinition LoadFlow(string relativePath)
    {
        var errors = new List<FlowError>();
        var flow = FlowCatalog.LoadText(relativePath, File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)), errors);
        Assert.True(flow is not null, string.Join("\n", errors));
        return flow;
    }

    private static string Describe(Interpretation result) => result switch
    {
        Accepted a => "value " + Canonical(a.Value),
        Rejected r => "rejected " + r.TextKey,
        NeedsConfirmation c => "confirm " + c.Display,
        _ => result.GetType().Name,
    };

    /// <summary>A value written the same way whether it came from the YAML table or the interpreter's JSON.</summary>
    private static string Canonical(object? value) => value switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Canonical(p.Value))) + "}",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        JsonNode n => n.ToJsonString(),
        List<object> list => "[" + string.Join(",", list.Select(Canonical)) + "]",
        Dictionary<object, object> map => "{" + string.Join(",", map.OrderBy(p => (string)p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Canonical(p.Value))) + "}",
        _ => value.ToString()!,
    };
}
