using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvopBot.Conversations;
using OvopBot.Flows.Loading;
using OvopBot.Hosting;
using OvopBot.Storage;
using OvopBot.Tests.Fuzzing;

namespace OvopBot.Benchmarks.Fuzzing;

/// <summary>
/// Sends hostile input (<see cref="HostileInputs"/>, three in four messages; the rest ordinary answers) through the
/// real engine and SQLite store, as the console and the workers do (through the <see cref="InboundGuard"/>), and
/// reports the steps that threw (goal 0), the dead letters, exceptions that escaped the guard, and inputs/s.
/// <c>dotnet run -c Release --project tests/OvopBot.Benchmarks -- fuzz [--inputs 100000] [--people 1000] [--parallel 4] [--seed 11]</c>
/// </summary>
public static class FuzzLoad
{
    private static readonly string[] Ordinary =
    [
        "halo", "ya", "1", "Yohanes Nope", "0812-3456-7890", "Oelnasi", "2", "Kopi Arabika", "1.500", "Rp 2,5 jt",
        "Juni - Agustus", "2,3", "LEWATI", "0", "KEMBALI", "BANTUAN",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var inputs = LoadArguments.Count(args, "--inputs", 100_000);
        var people = LoadArguments.Count(args, "--people", 1000);
        var parallel = LoadArguments.Count(args, "--parallel", 4);
        var seed = LoadArguments.Count(args, "--seed", 11);
        var folder = Path.Combine(Path.GetTempPath(), "ovopbot-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var host = CliHost.Build(
        [
            "--Storage:DatabasePath", Path.Combine(folder, "fuzz.db"),
            "--Storage:MediaPath", Path.Combine(folder, "media"),
            "--Flows:Path", LoadArguments.FlowsFolder(),
            "--Conversations:RetryDelay", "00:00:00",
        ]);
        var guard = host.Services.GetRequiredService<InboundGuard>();
        var flow = host.Services.GetRequiredService<FlowCatalog>()[host.Services.GetRequiredService<IOptions<ConversationOptions>>().Value.Flow];
        var perPerson = (inputs + people - 1) / people;
        var escaped = 0;
        var slowest = new List<(double Ms, string Input)>();
        var started = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, people), new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (person, cancellationToken) =>
            {
                var random = new Random(seed * 1_000_003 + person);
                for (var i = 0; i < perPerson && (person * perPerson) + i < inputs; i++)
                {
                    var message = HostileInputs.Message(random, flow, $"fuzz-{person}", $"{person}-{i}", DateTimeOffset.UtcNow);
                    if (random.Next(4) == 0)
                    {
                        message = message with { Kind = Channels.Abstractions.InboundKind.Text, Text = Ordinary[random.Next(Ordinary.Length)], Location = null };
                    }

                    var t = Stopwatch.GetTimestamp();
                    try
                    {
                        await guard.HandleNowAsync(message, cancellationToken);
                    }
                    catch (Exception e)
                    {
                        Interlocked.Increment(ref escaped);
                        Console.Error.WriteLine($"escaped the guard: {e.GetType().Name}: {e.Message} on {HostileInputs.Show(message)}");
                    }

                    var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    lock (slowest)
                    {
                        slowest.Add((ms, HostileInputs.Show(message)));
                        if (slowest.Count > 5)
                        {
                            slowest.Remove(slowest.MinBy(x => x.Ms));
                        }
                    }
                }
            });
        started.Stop();
        using (var connection = host.Services.GetRequiredService<SqliteDatabase>().Open())
        {
            var stored = connection.ExecuteScalar<long>("SELECT count(*) FROM inbound_messages");
            var threw = connection.ExecuteScalar<long>("SELECT count(*) FROM inbound_messages WHERE attempts > 0");
            var unanswered = connection.ExecuteScalar<long>(
                // NOT IN builds one temporary index; a correlated NOT EXISTS would scan the outbox once per input
                // (outbound_messages.in_reply_to has no index), which at 100,000 inputs takes longer than the run.
                "SELECT count(*) FROM inbound_messages WHERE kind NOT IN ('BlockedByUser', 'UnblockedByUser') AND id NOT IN (SELECT in_reply_to FROM outbound_messages WHERE in_reply_to IS NOT NULL)");
            var longest = connection.ExecuteScalar<long?>("SELECT max(length(text)) FROM outbound_messages") ?? 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stored:N0} hostile/ordinary inputs from {people:N0} people (seed {seed}), {parallel} in parallel, real engine + SQLite"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"steps that threw: {threw} (goal 0); dead letters: {DeadLetters.FailedCount(connection)}; escaped the guard: {escaped}; without a reply: {unanswered}; longest reply: {longest} chars"));
            // What to fix: the longest replies over the 500 limit and some inputs nobody answered, with what caused them.
            foreach (var (node, length, text, inKind, inText) in connection.Query<(string? Node, long Length, string Text, string? InKind, string? InText)>(
                """
                SELECT o.node_id, length(o.text), substr(o.text, 1, 100), i.kind, substr(i.text, 1, 60) FROM outbound_messages o
                LEFT JOIN inbound_messages i ON i.id = o.in_reply_to WHERE length(o.text) > 500 ORDER BY length(o.text) DESC LIMIT 3
                """))
            {
                Console.WriteLine($"over 500: {length} chars at node {node ?? "-"}: {Show(text)} … in reply to {inKind} {Show(inText)}");
            }

            foreach (var (id, inKind, inText, failed) in connection.Query<(long Id, string Kind, string? Text, string? Failed)>(
                """
                SELECT id, kind, substr(text, 1, 60), failed_at FROM inbound_messages
                WHERE kind NOT IN ('BlockedByUser', 'UnblockedByUser') AND id NOT IN (SELECT in_reply_to FROM outbound_messages WHERE in_reply_to IS NOT NULL)
                LIMIT 5
                """))
            {
                var asked = connection.ExecuteScalar<string?>(
                    """
                    SELECT substr(o.text, 1, 100) FROM outbound_messages o
                    WHERE o.contact_id = (SELECT contact_id FROM inbound_messages WHERE id = @id) AND o.in_reply_to < @id
                    ORDER BY o.id DESC LIMIT 1
                    """, new { id });
                Console.WriteLine($"no reply: inbound {id} {inKind} {Show(inText)}{(failed is null ? "" : " (dead letter)")} after {Show(asked)}");
            }

            foreach (var (ms, input) in slowest.OrderByDescending(x => x.Ms))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slow: {ms:F0} ms {input}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"throughput: {stored / started.Elapsed.TotalSeconds:F0} inputs/s ({started.Elapsed.TotalSeconds:F1} s)"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>Text as one escaped line (hostile input holds control and invisible characters).</summary>
    private static string Show(string? text) =>
        text is null ? "(none)" : System.Text.Json.JsonSerializer.Serialize(text, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
