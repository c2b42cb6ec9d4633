using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Console;
using OvopBot.Roles;
using OvopBot.Tests.TestSupport;
using Xunit.Abstractions;

namespace OvopBot.Tests.Transcripts;

/// <summary>Runs every transcript against the real flows, engine and SQLite store, reloading state from disk each turn.</summary>
public sealed class TranscriptTests(ITestOutputHelper output)
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "OvopBot.Tests", "Transcripts");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        // Folders starting with '_' hold test-only flows, not transcripts.
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                     .Where(f => !Path.GetRelativePath(Folder, f).StartsWith('_')))
        {
            data.Add(Path.GetRelativePath(Folder, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Transcript_runs_as_written(string relativePath)
    {
        var path = Path.Combine(Folder, relativePath);
        var transcript = Transcript.Load(path);
        // A transcript may name its own flow folder, relative to the transcript.
        if (transcript.Settings.TryGetValue("Flows:Path", out var flows))
        {
            transcript.Settings["Flows:Path"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, flows));
        }

        using var bot = new BotHarness(settings: transcript.Settings);
        foreach (var grant in transcript.Grants)
        {
            await bot.Get<RoleStore>().GrantAsync(new ContactRef(ConsoleChannel.Name, grant.To), Enum.Parse<StaffRole>(grant.Role, ignoreCase: true),
                grant.Region, "transcript", CancellationToken.None, bot.Time.GetUtcNow());
        }

        InboundMessage? last = null;
        var counter = 0;
        for (var i = 0; i < transcript.Steps.Count; i++)
        {
            var step = transcript.Steps[i];
            var where = $"{relativePath} step {i + 1}";
            if (step.Advance is { } advance)
            {
                bot.Time.Advance(ParseDuration(advance));
            }

            if (step.Restart)
            {
                bot.Restart();
            }

            if (step.Grant is { } grant)
            {
                var parts = grant.Split(' ', 2);
                await bot.Get<RoleStore>().GrantAsync(new ContactRef("console", step.From ?? transcript.From), StaffRoles.Parse(parts[0]), parts[1], "test",
                    CancellationToken.None, bot.Time.GetUtcNow());
            }

            var outboxBefore = LastOutboxId(bot);

            IReadOnlyList<string>? replies = null;
            if (step.Redeliver)
            {
                replies = await bot.SendAsync(last ?? throw new InvalidOperationException($"{where}: nothing to re-deliver"));
            }
            else if (step.Say is { } line)
            {
                var from = step.From ?? transcript.From;
                line = ResolveMediaPath(line, Path.GetDirectoryName(path)!);
                last = new ConsoleInputParser(Path.Combine(bot.TempPath, "media"))
                    .Parse(line, from, $"{from}-{++counter}", bot.Time.GetUtcNow());
                replies = await bot.SendAsync(last);
            }

            if (replies is null)
            {
                continue;
            }

            var text = string.Join("\n---\n", replies);
            output.WriteLine($"> {step.Say ?? "(re-delivery)"}\n{text}\n");
            if (step.Silent)
            {
                Assert.True(replies.Count == 0, $"{where}: expected no reply, got:\n{text}");
            }

            foreach (var expected in step.Expect)
            {
                Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{where}: expected \"{expected}\" in:\n{text}");
            }

            foreach (var unexpected in step.ExpectNot)
            {
                Assert.False(text.Contains(unexpected, StringComparison.Ordinal), $"{where}: did not expect \"{unexpected}\" in:\n{text}");
            }

            foreach (var (person, texts) in step.Told)
            {
                var told = TextsQueuedFor(bot, person, outboxBefore);
                output.WriteLine($"  (to {person}) {told}\n");
                foreach (var expected in texts)
                {
                    Assert.True(told.Contains(expected, StringComparison.Ordinal), $"{where}: expected \"{expected}\" told to {person}, got:\n{told}");
                }
            }
        }

        if (transcript.Final is { } final)
        {
            CheckFinal(bot, transcript.From, final, relativePath);
        }
    }

    private static long LastOutboxId(BotHarness bot)
    {
        using var connection = bot.Database.Open();
        return connection.ExecuteScalar<long>("SELECT coalesce(max(id), 0) FROM outbound_messages");
    }

    private static string TextsQueuedFor(BotHarness bot, string person, long after)
    {
        using var connection = bot.Database.Open();
        return string.Join("\n---\n", connection.Query<string>(
            "SELECT o.text FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = @person AND o.id > @after ORDER BY o.id",
            new { person, after }));
    }

    [Fact]
    public void Every_flow_file_has_at_least_one_transcript()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Flows, "*.yaml"))
        {
            var id = File.ReadLines(file).Select(l => l.Trim()).First(l => l.StartsWith("id:", StringComparison.Ordinal))[3..].Trim();
            var folder = Path.Combine(Folder, id);
            Assert.True(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.yaml").Any(),
                $"flow '{id}' ({Path.GetFileName(file)}) has no transcript in tests/OvopBot.Tests/Transcripts/{id}/");
        }
    }

    private static void CheckFinal(BotHarness bot, string from, TranscriptFinal final, string where)
    {
        using var connection = bot.Database.Open();
        var session = connection.QuerySingle<(string Status, string StateJson, long? SubmissionId)>(
            "SELECT s.status, s.state_json, s.submission_id FROM sessions s JOIN contacts c ON c.id = s.contact_id WHERE c.address = @from",
            new { from });
        if (final.Status is not null)
        {
            Assert.Equal(final.Status, session.Status);
        }

        var answers = JsonNode.Parse(session.StateJson)!["answers"]!.AsObject();
        foreach (var (field, expected) in final.Answers)
        {
            Assert.Equal(expected, Canonical(Lookup(answers, field, where)));
        }

        foreach (var field in final.Absent)
        {
            Assert.False(answers.ContainsKey(field), $"{where}: answer '{field}' should be absent but is {answers[field]?.ToJsonString()}");
        }

        if (final.SubmissionStatus is not null || final.Reference is not null || final.Revision is not null)
        {
            var submission = connection.QuerySingle<(string Status, string? Reference, long Revision, string AnswersJson)>(
                "SELECT status, reference, revision, answers_json FROM submissions WHERE id = @id", new { id = session.SubmissionId });
            if (final.SubmissionStatus is not null)
            {
                Assert.Equal(final.SubmissionStatus, submission.Status);
            }

            if (final.Reference is not null)
            {
                Assert.Equal(final.Reference, submission.Reference);
            }

            if (final.Revision is not null)
            {
                Assert.Equal(final.Revision.Value, submission.Revision);
            }

            if (final.History.Count > 0)
            {
                Assert.Equal(final.History, connection.Query<string>(
                    "SELECT reason FROM submission_history WHERE submission_id = @id ORDER BY id", new { id = session.SubmissionId }).ToList());
            }

            var stored = JsonNode.Parse(submission.AnswersJson)!.AsObject();
            foreach (var (field, expected) in final.Answers)
            {
                Assert.Equal(expected, Canonical(Lookup(stored, field, where)));
            }
        }
    }

    /// <summary>An answer by field; "village#code" reads one property of an object answer.</summary>
    private static JsonNode? Lookup(JsonObject answers, string field, string where)
    {
        var parts = field.Split('#');
        Assert.True(answers.ContainsKey(parts[0]), $"{where}: answer '{parts[0]}' missing; have {string.Join(", ", answers.Select(a => a.Key))}");
        return parts.Length == 1 ? answers[parts[0]] : answers[parts[0]]?[parts[1]];
    }

    /// <summary>A value as the transcript writes it: strings bare, arrays as "a,b", objects as compact JSON.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => string.Join(",", array.Select(Canonical)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    private static string ResolveMediaPath(string line, string folder)
    {
        foreach (var verb in new[] { ":photo ", ":voice " })
        {
            if (line.StartsWith(verb, StringComparison.Ordinal))
            {
                return verb + Path.Combine(folder, line[verb.Length..].Trim());
            }
        }

        return line;
    }

    internal static TimeSpan ParseDuration(string text)
    {
        var amount = int.Parse(text[..^1], CultureInfo.InvariantCulture);
        return text[^1] switch
        {
            'd' => TimeSpan.FromDays(amount),
            'h' => TimeSpan.FromHours(amount),
            'm' => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
    }
}
