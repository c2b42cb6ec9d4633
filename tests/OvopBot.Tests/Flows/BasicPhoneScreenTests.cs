using System.Text.RegularExpressions;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Handoffs;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Flows;

/// <summary>
/// Every message fits a basic phone (≤ 500 characters), and no reply repeats itself more than twice in a row: every
/// text rendered with realistic long values, and random walks through the real flow with long, odd and local answers.
/// </summary>
public sealed partial class BasicPhoneScreenTests
{
    private const int Screen = MessageRenderer.MaxLength;

    private static readonly FlowCatalog Catalog = FlowCatalog.Load(RepoPaths.Flows);

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>A realistic longest value for a placeholder: a forwarded question, a long village, a long name…</summary>
    private static string LongValue(string name) => name switch
    {
        "text" => new string('x', HandoffService.MaxForwardedText), // a forwarded question is cut there; a broadcast preview is shorter
        "village" or "region" or "name" or "person" or "product" or "district" or "regency" or "answer" or "contact" or "question" => new string('v', 60),
        "path" or "command" => new string('p', 90),
        _ => "1234567",
    };

    [Fact]
    public void Every_text_with_long_values_fits_in_every_language()
    {
        foreach (var flow in Catalog.Flows)
        {
            foreach (var (key, text) in flow.Texts)
            {
                foreach (var language in flow.Languages)
                {
                    var filled = Placeholder().Replace(text.Get(language), m => LongValue(m.Groups[1].Value));
                    Assert.True(filled.Length <= Screen, $"text '{key}' ({language}) is {filled.Length} characters with long values");
                }
            }

            foreach (var node in flow.Nodes.Where(n => n.Expect != AnswerKind.Summary))
            {
                foreach (var language in flow.Languages)
                {
                    // A dialog-flow node may say a shared text (text: KEY) instead of its own: checked with the texts above.
                    var text = node.IsQuestion && !flow.IsDialog ? MessageRenderer.Question(flow, node, language).Text
                        : node.Text.IsEmpty ? "" : node.Text.Get(language);
                    Assert.True(text.Length <= Screen, $"node '{node.Id}' ({language}) is {text.Length} characters");
                }
            }
        }
    }

    /// <summary>Answers a walk picks from: good ones, long ones, junk, local speech, commands.</summary>
    private static readonly string[] Inputs =
    [
        "1", "2", "3", "0", "9", "ya", "tidak", "sonde", "iyo", "tidak tahu", "sonde tau", "belum ada", "nihil", "musim hujan",
        "Oelnasi", "Desa Zzyzx", "kupang tengah", "Juni - Agustus", "Rp 2,5 jt", "sepuluh", "1,3", "0812 3456 7890",
        "🙂", "", "x", "'; DROP TABLE", new string('a', 300), "Kopi " + new string('b', 95),
        "BANTUAN", "KEMBALI", "LEWATI", "STATUS", "LAGI", "KIRIM", "PENDAMPING", "BAHASA", "BERHENTI", "MULAI", "HALO", "ULANG",
        ":voice", ":photo", ":location",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_walks_never_exceed_a_screen_nor_repeat_a_reply_three_times(int seed)
    {
        var flow = Catalog["ovop-registration"];
        var engine = FlowEngine.CreateDefault();
        var random = new Random(seed);
        var state = new SessionState();
        var now = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var previous = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            // Mostly sensible answers so walks get deep into the flow; sometimes anything, sometimes the same again.
            var line = random.Next(10) switch
            {
                < 4 => Inputs[random.Next(4)],
                < 6 when previous.Count > 0 => Inputs[random.Next(Inputs.Length)],
                _ => Inputs[random.Next(Inputs.Length)],
            };
            var message = Message(line, i, now);
            now = now.AddSeconds(30);
            var result = engine.Step(flow, state, message, now);
            state = result.State;
            var joined = string.Join("\n---\n", result.Replies.Select(r => r.Text));
            Assert.All(result.Replies, r => Assert.True(r.Text.Length <= Screen, $"seed {seed} step {i} ('{line}'): {r.Text.Length} characters:\n{r.Text}"));
            if (result.Replies.Count > 0)
            {
                previous.Add(joined);
                Assert.False(previous.Count >= 3 && previous[^1] == previous[^2] && previous[^2] == previous[^3],
                    $"seed {seed} step {i} ('{line}'): the same reply three times in a row:\n{joined}");
            }

            if (state.Status == SessionStatus.Submitted)
            {
                state = new SessionState();
            }
        }
    }

    [Fact]
    public void The_same_junk_again_and_again_never_gives_the_same_reply_three_times()
    {
        var flow = Catalog["ovop-registration"];
        var engine = FlowEngine.CreateDefault();
        foreach (var line in Inputs)
        {
            var state = new SessionState();
            var now = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
            var replies = new List<string>();
            foreach (var warmup in new[] { "halo", "ya" })
            {
                state = engine.Step(flow, state, Message(warmup, replies.Count, now), now).State;
            }

            for (var i = 0; i < 8; i++)
            {
                var result = engine.Step(flow, state, Message(line, 10 + i, now), now);
                state = result.State;
                replies.Add(string.Join("\n", result.Replies.Select(r => r.Text)));
                Assert.False(replies.Count >= 3 && replies[^1] == replies[^2] && replies[^2] == replies[^3],
                    $"'{line}' {i + 1} times: the same reply three times in a row:\n{replies[^1]}");
            }
        }
    }

    private static InboundMessage Message(string line, int n, DateTimeOffset now) => line switch
    {
        ":voice" => new InboundMessage { Channel = "test", Address = "walker", ExternalId = $"m{n}", Kind = InboundKind.Voice, ReceivedAt = now, MediaRef = "v" },
        ":photo" => new InboundMessage { Channel = "test", Address = "walker", ExternalId = $"m{n}", Kind = InboundKind.Photo, ReceivedAt = now, MediaRef = "p" },
        ":location" => new InboundMessage
        {
            Channel = "test", Address = "walker", ExternalId = $"m{n}", Kind = InboundKind.Location, ReceivedAt = now, Location = new GeoPoint(-10.17, 123.61),
        },
        _ => new InboundMessage { Channel = "test", Address = "walker", ExternalId = $"m{n}", Kind = InboundKind.Text, ReceivedAt = now, Text = line },
    };
}
