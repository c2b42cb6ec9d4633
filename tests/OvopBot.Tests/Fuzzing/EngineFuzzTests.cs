using System.Text.Json;
using CsCheck;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Storage;
using OvopBot.Tests.TestSupport;
using Xunit.Abstractions;

namespace OvopBot.Tests.Fuzzing;

/// <summary>
/// Random walks through every question of every flow, in both languages, mixing valid answers with hostile input
/// (<see cref="HostileInputs"/>). Properties: the engine never throws; every input gets at least one reply; no reply
/// is longer than a message may be; the session survives a save and reload and sits on a real node; a valid answer
/// after junk still moves the conversation on. Seeded by CsCheck: a failure prints the seed (re-run with
/// <c>CsCheck_Seed=…</c>) and the shrunk walk, whose inputs the message lists with invisible characters escaped.
/// </summary>
public sealed class EngineFuzzTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The longest reply any channel gets (the product owner's rule; SMS takes ≤ 3 parts).</summary>
    private const int MaxReplyLength = 500;

    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void Random_walks_with_hostile_input_never_break_the_conversation()
    {
        var engine = _bot.Get<FlowEngine>();
        // The staff flow's dialogs are stepped by DialogRunner (Flows/DialogStepTests), not by FlowEngine.Step.
        var flows = _bot.Get<FlowCatalog>().Flows.Where(f => !f.IsDialog).ToList();
        var starts = flows.SelectMany(f => f.Nodes.Where(n => n.IsQuestion).Select(n => (Flow: f, Node: n))).ToList();
        Gen.Select(Gen.Int[0, starts.Count - 1], Gen.Bool, Gen.Int, Gen.Int[1, 8])
            .Sample((start, english, seed, steps) => Walk(engine, starts[start].Flow, starts[start].Node, english ? "en" : "id", seed, steps),
                writeLine: output.WriteLine, iter: 800);
    }

    [Fact]
    public async Task Hostile_input_through_the_real_store_is_always_answered_and_never_dead_lettered()
    {
        var guard = _bot.Get<InboundGuard>();
        var flow = _bot.Get<FlowCatalog>()[_bot.Get<Microsoft.Extensions.Options.IOptions<ConversationOptions>>().Value.Flow];
        var random = new Random(11);
        var sent = 0;
        for (var person = 0; person < 20; person++)
        {
            for (var i = 0; i < 15; i++)
            {
                var message = HostileInputs.Message(random, flow, $"fuzz-{person}", $"fuzz-{person}-{i}", _bot.Time.GetUtcNow());
                await guard.HandleNowAsync(message, CancellationToken.None);
                sent++;
            }
        }

        using var connection = _bot.Database.Open();
        Assert.Equal(0, DeadLetters.FailedCount(connection));
        Assert.Equal(sent, Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT count(*) FROM inbound_messages WHERE processed_at IS NOT NULL"));
        var lengths = Dapper.SqlMapper.Query<long>(connection, "SELECT length(text) FROM outbound_messages").ToList();
        Assert.All(lengths, length => Assert.InRange(length, 1, MaxReplyLength));
    }

    private static void Walk(FlowEngine engine, FlowDefinition flow, FlowNode start, string language, int seed, int steps)
    {
        var random = new Random(seed);
        var now = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        var state = new SessionState { FlowId = flow.Id, Status = SessionStatus.Active, NodeId = start.Id, Language = language };
        var inputs = new List<string>();
        for (var i = 0; i < steps; i++)
        {
            now = now.AddMinutes(1);
            var message = HostileInputs.Message(random, flow, "fuzz", $"fuzz-{i}", now);
            state = StepChecked(engine, flow, state, message, now, inputs);

            // A valid answer after the junk still moves the conversation on.
            if (state is { Status: SessionStatus.Active, Pending: null, NodeId: { } at } && flow.TryGetNode(at, out var node)
                && node.IsQuestion && random.Next(2) == 0)
            {
                now = now.AddMinutes(1);
                var before = state;
                state = StepChecked(engine, flow, state,
                    HostileInputs.Valid(random, node, state.Language, message with { ExternalId = $"valid-{i}" }), now, inputs);
                Check(state.NodeId != before.NodeId || state.Pending is not null || state.Status != before.Status
                    || state.Answers.Count != before.Answers.Count, "a valid answer did not move the conversation on", flow, start, inputs);
            }
        }
    }

    private static SessionState StepChecked(FlowEngine engine, FlowDefinition flow, SessionState state, InboundMessage message,
        DateTimeOffset now, List<string> inputs)
    {
        inputs.Add($"node {state.NodeId}{(state.Pending is { } p ? $" ({p.Kind})" : "")}: {HostileInputs.Show(message)}");
        StepResult result;
        try
        {
            result = engine.Step(flow, state, message, now);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"the engine threw {e.GetType().Name}: {e.Message}\n{Walked(flow, inputs)}", e);
        }

        Check(result.Replies.Count >= 1, "no reply", flow, null, inputs);
        foreach (var reply in result.Replies)
        {
            Check(reply.Text.Length is > 0 and <= MaxReplyLength, $"a reply of {reply.Text.Length} characters: {reply.Text}", flow, null, inputs);
        }

        // Saved as the store saves it, read back as the next message would.
        var reloaded = JsonSerializer.Deserialize<SessionState>(JsonSerializer.Serialize(result.State, SessionStore.Json), SessionStore.Json)!;
        Check(reloaded.NodeId is null || flow.TryGetNode(reloaded.NodeId, out _), $"the session sits on unknown node '{reloaded.NodeId}'", flow, null, inputs);
        Check(reloaded.Status == SessionStatus.NotStarted || reloaded.NodeId is not null || reloaded.Status != SessionStatus.Active,
            "an active session without a node", flow, null, inputs);
        return reloaded;
    }

    private static void Check(bool holds, string what, FlowDefinition flow, FlowNode? start, List<string> inputs)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"{what}{(start is null ? "" : $" (walk from {start.Id})")}\n{Walked(flow, inputs)}");
        }
    }

    private static string Walked(FlowDefinition flow, List<string> inputs) =>
        $"flow {flow.Id}, inputs:\n  " + string.Join("\n  ", inputs);
}
