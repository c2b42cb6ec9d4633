using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Actions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Tests.TestSupport;
using YamlDotNet.Serialization;

namespace OvopBot.Tests.Flows;

/// <summary>
/// The engine alone, goflow's way: the dialogs of <c>flows/staff.yaml</c> (and of the flow a table names with
/// <c>flow:</c>, such as <c>linking</c>) stepped from the tables in <c>Flows/Dialogs/*.yaml</c> with outcomes fed back by
/// hand (no store, no handlers), and the one loop limit.
/// </summary>
public sealed class DialogStepTests
{
    private static string Folder => DataFiles.Folder(Path.Combine("Flows", "Dialogs"));

    public static TheoryData<string> Tables() => DataFiles.In(Path.Combine("Flows", "Dialogs"), withExtension: false);

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_dialog_steps_as_the_table_says(string table)
    {
        var file = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(File.ReadAllText(Path.Combine(Folder, table + ".yaml")));
        var flow = FlowCatalog.Load(RepoPaths.Flows)[file.GetValueOrDefault("flow") as string ?? "staff"];
        var steps = ((List<object>)file["steps"]).Cast<Dictionary<object, object?>>().Select(s => s.ToDictionary(e => (string)e.Key, e => e.Value)).ToList();
        var state = new DialogState();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var where = $"{table}.yaml step {i + 1}";
            DialogResult result;
            if (step.TryGetValue("start", out var command))
            {
                // A staff command is its own input; an input's entry (a reference) takes the message from say:.
                result = FlowEngine.StartDialog(flow, "id", flow.Entries.Single(e => e.Command == (string)command!), state,
                    step.GetValueOrDefault("say") as string ?? (string)command!);
            }
            else if (step.TryGetValue("say", out var text))
            {
                result = FlowEngine.ContinueDialog(flow, "id", state, (string)text!, step.GetValueOrDefault("command") as string);
            }
            else
            {
                var values = (step.GetValueOrDefault("values") as Dictionary<object, object>)?.ToDictionary(v => (string)v.Key, v => (string)v.Value)
                             ?? [];
                result = FlowEngine.ResumeDialog(flow, "id", state, new ActionOutcome { Outcome = step["outcome"] as string, Values = values }, []);
            }

            Check(step, result, where);
            state = result.State;
        }
    }

    private static void Check(Dictionary<string, object?> step, DialogResult result, string where)
    {
        var said = string.Join("\n---\n", result.Replies.Select(r => r.Text));
        foreach (var expected in (step.GetValueOrDefault("said") as List<object>)?.Cast<string>() ?? [])
        {
            Assert.True(said.Contains(expected, StringComparison.Ordinal), $"{where}: expected \"{expected}\" in:\n{said}");
        }

        if (step.GetValueOrDefault("action") is string action)
        {
            Assert.True(result.Stop == DialogStop.ActionRequested && result.Action == action, $"{where}: expected action {action}, got {result.Stop} {result.Action}");
        }

        if (step.GetValueOrDefault("waits") is string node)
        {
            Assert.True(result.Stop == DialogStop.Answered && result.State.NodeId == node, $"{where}: expected to wait at {node}, got {result.Stop} at {result.State.NodeId}");
        }

        switch (step.GetValueOrDefault("ends") ?? step.GetValueOrDefault("passes"))
        {
            case "done":
                Assert.True(result.Stop == DialogStop.Answered && !result.State.IsOpen, $"{where}: expected the dialog done, got {result.Stop} at {result.State.NodeId}");
                break;
            case "ended":
                Assert.True(result.Stop == DialogStop.Passed && !result.State.IsOpen, $"{where}: expected the dialog to end and pass the message on");
                break;
            case "resumed":
                Assert.True(result.Stop == DialogStop.Resumed && !result.State.IsOpen, $"{where}: expected the dialog to end and the person greeted back at their question");
                break;
            case "interrupted":
                Assert.True(result.Stop == DialogStop.Passed && result.State.IsOpen, $"{where}: expected the message passed on with the dialog still open");
                break;
        }
    }

    [Fact]
    public void A_registration_flow_that_loops_without_asking_stops_at_the_limit_with_an_error_event()
    {
        var flow = Looping(FlowKind.Registration);

        var result = FlowEngine.CreateDefault().Step(flow, new SessionState(), new InboundMessage
        {
            Channel = "console", Address = "a", ExternalId = "1", Kind = InboundKind.Text, Text = "halo", ReceivedAt = DateTimeOffset.UnixEpoch,
        }, DateTimeOffset.UnixEpoch);

        var limit = Assert.Single(result.Events.OfType<StepLimitReached>());
        Assert.Equal("loop", limit.FlowId);
        Assert.Equal(FlowEngine.MaxNodesPerStep, result.Replies.Count);
    }

    [Fact]
    public void A_staff_dialog_that_loops_stops_at_the_limit_closed_with_the_failure_named()
    {
        var flow = Looping(FlowKind.Staff);

        var result = FlowEngine.StartDialog(flow, "id", flow.Entries[0], new DialogState(), "A");

        Assert.NotNull(result.Failure);
        Assert.False(result.State.IsOpen);
        Assert.Equal(FlowEngine.MaxNodesPerStep, result.Replies.Count);
    }

    /// <summary>Two message nodes that go to each other: a flow nothing stops but the limit.</summary>
    private static FlowDefinition Looping(FlowKind kind)
    {
        static FlowNode Say(string id, string next) => new()
        {
            Id = id, Line = 1, Expect = AnswerKind.None, Text = new LocalizedText(new Dictionary<string, string> { ["id"] = id }, 1), Next = next,
        };

        var keywords = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>
        {
            ["summary"] = new Dictionary<string, IReadOnlyList<string>> { ["id"] = ["A"] },
        };
        return new FlowDefinition("loop", 1, "loop.yaml", ["id"], "a", [Say("a", "b"), Say("b", "a")], [],
            new Dictionary<FlowCommand, IReadOnlyDictionary<string, IReadOnlyList<string>>>(), new Dictionary<string, LocalizedText>(), TimeSpan.FromHours(6),
            keywords, kind, [new FlowEntry("summary", "a", "facilitator", false, 1)]);
    }
}
