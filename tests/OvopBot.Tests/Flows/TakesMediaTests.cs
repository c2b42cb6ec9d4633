using System.Globalization;
using System.Text.Json;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Tests.TestSupport;
using YamlDotNet.Serialization;

namespace OvopBot.Tests.Flows;

/// <summary>
/// <see cref="FlowEngine.TakesMedia"/>, which decides before the step whether a file is downloaded, against the tables
/// in <c>Flows/Media/*.yaml</c>; and against the step itself: for every state a flow can be in, the answer must be
/// exactly whether stepping the message uses its file (saved as an answer, or handed to the facilitators).
/// </summary>
public sealed class TakesMediaTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);
    private const string Probe = "probe-file.jpg"; // an image name, so a document at a photo question can be one
    private static readonly FlowEngine Engine = FlowEngine.CreateDefault();

    public static TheoryData<string> Tables() => DataFiles.In(Path.Combine("Flows", "Media"), withExtension: false);

    [Theory]
    [MemberData(nameof(Tables))]
    public void Each_state_in_the_table_takes_the_media_the_table_says_and_the_step_agrees(string table)
    {
        var spec = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(
            File.ReadAllText(Path.Combine(DataFiles.Folder(Path.Combine("Flows", "Media")), table + ".yaml")));
        var flow = LoadFlow((string)spec["flow"]);
        var cases = (List<object>)spec["cases"];
        for (var i = 0; i < cases.Count; i++)
        {
            var row = ((Dictionary<object, object>)cases[i]).ToDictionary(p => (string)p.Key, p => (string)p.Value);
            var state = State(flow, row.GetValueOrDefault("at"), row.GetValueOrDefault("status"), row.GetValueOrDefault("pending"),
                row.GetValueOrDefault("idle"));
            var caption = row.GetValueOrDefault("caption") is "long" ? new string('a', FlowEngine.MaxInputLength + 1) : row.GetValueOrDefault("caption");
            var message = Media(Enum.Parse<InboundKind>(row["send"], ignoreCase: true), caption);
            var expected = bool.Parse(row["takes"]);
            var where = $"{table}.yaml case {i + 1} ({string.Join(", ", row.Select(p => $"{p.Key}: {(p.Value.Length > 20 ? "…" : p.Value)}"))})";

            Assert.True(expected == Engine.TakesMedia(flow, state, message, Now), $"{where}: TakesMedia should say {expected}");
            Assert.True(expected == StepUsesFile(flow, state, message), $"{where}: the step should {(expected ? "" : "not ")}use the file");
        }
    }

    [Fact]
    public void In_every_state_of_the_registration_the_engine_takes_media_exactly_when_its_step_uses_the_file()
    {
        var catalog = FlowCatalog.Load(RepoPaths.Flows);
        var registration = catalog.Flows.Single(f => f.Kind == FlowKind.Registration);
        FlowDefinition[] flows = [registration, catalog.For(registration.Id, "sms")];
        var checkedStates = 0;
        foreach (var flow in flows)
        {
            var nodes = flow.Nodes.Where(n => n.IsQuestion).Select(n => n.Id).Prepend(null);
            foreach (var node in nodes)
            foreach (var status in Enum.GetValues<SessionStatus>())
            foreach (var pending in Enum.GetNames<PendingKind>().Prepend(null))
            foreach (var idle in new[] { null, "long" })
            foreach (var kind in new[] { InboundKind.Photo, InboundKind.Voice, InboundKind.Document })
            foreach (var caption in new[] { null, "1", "2" })
            {
                if (pending is nameof(PendingKind.ConfirmAnswer) or nameof(PendingKind.AnswerDialog) &&
                    (node is null || flow.Node(node).Expect == AnswerKind.Summary))
                {
                    continue; // only an answer's interpreter asks these back, and the summary has none: no conversation gets here
                }

                var state = State(flow, node, status.ToString(), pending, idle);
                var message = Media(kind, caption);
                var takes = Engine.TakesMedia(flow, state, message, Now);
                Assert.True(takes == StepUsesFile(flow, state, message),
                    $"{flow.Id}: at {node ?? "-"} ({status}), pending {pending ?? "-"}, idle {idle ?? "short"}, {kind} with caption " +
                    $"{caption ?? "-"}: TakesMedia says {takes}, the step does the opposite");
                checkedStates++;
            }
        }

        Assert.True(checkedStates > 10_000, $"only {checkedStates} states checked");
    }

    /// <summary>Whether the step keeps the file: in a saved answer, or with the question for the facilitators.</summary>
    private static bool StepUsesFile(FlowDefinition flow, SessionState state, InboundMessage message)
    {
        var result = Engine.Step(flow, state, message, Now);

        return result.Events.OfType<HandoffRequested>().Any(h => h.MediaRef == Probe) ||
               JsonSerializer.Serialize(result.State.Answers).Contains(Probe, StringComparison.Ordinal);
    }

    private static SessionState State(FlowDefinition flow, string? node, string? status, string? pending, string? idle) => new()
    {
        FlowId = flow.Id,
        Status = status is not null ? Enum.Parse<SessionStatus>(status) : node is null ? SessionStatus.NotStarted : SessionStatus.Active,
        NodeId = node,
        Pending = pending is null ? null : new PendingQuestion(Enum.Parse<PendingKind>(pending)),
        LastActivityAt = Now - (idle switch
        {
            null => TimeSpan.FromMinutes(1),
            "long" => flow.ResumeAfter + TimeSpan.FromMinutes(1),
            _ => TimeSpan.FromMinutes(double.Parse(idle, CultureInfo.InvariantCulture)),
        }),
    };

    private static InboundMessage Media(InboundKind kind, string? caption) => new()
    {
        Channel = "telegram", Address = "5123400077", ExternalId = "1", Kind = kind, ReceivedAt = Now, MediaRef = Probe, Text = caption,
    };

    private static FlowDefinition LoadFlow(string relativePath)
    {
        var errors = new List<FlowError>();
        var flow = FlowCatalog.LoadText(relativePath, File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)), errors);
        Assert.True(flow is not null, string.Join("\n", errors));
        return flow;
    }
}
