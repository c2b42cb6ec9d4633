using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Hosting;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Benchmarks.Conversations;

/// <summary>
/// Drives N simulated people through the whole registration flow against a real SQLite file and reports inbound
/// messages per second and p50/p99 handling latency (store + engine step + outbox insert, one transaction each).
/// Each person registers a village of their own (one village, one product: a second person naming a registered
/// village is offered a change proposal instead), and the run ends by counting the submitted records, so a flow
/// change that stops the script short shows as fewer than N.
/// <c>dotnet run -c Release --project tests/OvopBot.Benchmarks -- conversations [--people 500] [--parallel 8]</c>
/// </summary>
public static class ConversationLoad
{
    /// <summary>The answers in order; <see cref="VillageAnswer"/> is replaced by the person's own village.</summary>
    private static readonly string[] Registration =
    [
        "halo", "ya", VillageAnswer, "1", "1", "Yohanes Nope", "0812-3456-7890", "Kopi Arabika", "2", "3",
        "Kopi sangrai dari kebun warga", "Biji kopi", "1", "2", "Juni - Agustus", "1", "1.500", "1,3", "50 ribu", "1",
        "40", "25", "5", "0", "1", "BUMDes Sehati", "12", "3", "1", "2,3", "1", "3", "1 3", "20", "Rp 2,5 jt", "Mesin sangrai",
        "LEWATI", ":location -10.1772,123.6070", "0",
    ];

    private const string VillageAnswer = "(village)";

    public static async Task<int> RunAsync(string[] args)
    {
        var people = LoadArguments.Count(args, "--people", 500);
        var parallel = LoadArguments.Count(args, "--parallel", 8);
        var folder = Path.Combine(Path.GetTempPath(), "ovopbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var host = CliHost.Build(
        [
            "--Storage:DatabasePath", Path.Combine(folder, "bench.db"),
            "--Storage:MediaPath", Path.Combine(folder, "media"),
            "--Flows:Path", LoadArguments.FlowsFolder(),
        ]);
        var processor = host.Services.GetRequiredService<ConversationProcessor>();
        var villages = OwnVillages(host.Services.GetRequiredService<RegionCatalog>(), host.Services.GetRequiredService<VillageMatcher>(), people);
        var loadBefore = LoadArguments.LoadAverage();
        var latencies = new double[people * Registration.Length];
        var next = -1;
        var started = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, people), new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (person, cancellationToken) =>
            {
                for (var i = 0; i < Registration.Length; i++)
                {
                    var message = new InboundMessage
                    {
                        Channel = "bench", Address = $"person-{person}", ExternalId = $"{person}-{i}",
                        Kind = Registration[i].StartsWith(':') ? InboundKind.Location : InboundKind.Text,
                        Text = Registration[i] == VillageAnswer ? villages[person % villages.Count] : Registration[i], ReceivedAt = DateTimeOffset.UtcNow,
                        Location = Registration[i].StartsWith(':') ? new GeoPoint(-10.1772, 123.6070) : null,
                    };
                    var t = Stopwatch.GetTimestamp();
                    await processor.HandleAsync(message, cancellationToken);
                    latencies[Interlocked.Increment(ref next)] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                }
            });
        started.Stop();
        Array.Sort(latencies);
        var total = latencies.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{people} people x {Registration.Length} messages = {total} inbound messages, {parallel} in parallel; {loadBefore} before, {LoadArguments.LoadAverage()} after"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput: {total / started.Elapsed.TotalSeconds:F0} messages/s; latency p50 {latencies[total / 2]:F2} ms, p99 {latencies[(int)(total * 0.99)]:F2} ms, max {latencies[^1]:F2} ms"));
        var submitted = Submitted(host.Services.GetRequiredService<SqliteDatabase>());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"registrations submitted: {submitted} of {people}{(submitted < Math.Min(people, villages.Count) ? " (the script no longer completes the registration: fix Registration)" : "")}"));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>
    /// Names of villages in the service's area that the matcher finds alone and confidently (so "1" confirms them),
    /// one per person; more people than such villages share them.
    /// </summary>
    private static IReadOnlyList<string> OwnVillages(RegionCatalog catalog, VillageMatcher matcher, int people)
    {
        var names = new List<string>();
        foreach (var code in matcher.Scope.Codes)
        {
            foreach (var village in catalog.VillagesOf(code))
            {
                if (names.Count == people)
                {
                    return names;
                }

                if (matcher.Find(village.Name) is [{ IsConfident: true } only] && only.Village.Code == village.Code)
                {
                    names.Add(village.Name);
                }
            }
        }

        return names;
    }

    private static long Submitted(SqliteDatabase database)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM submissions WHERE status = 'submitted'");
    }
}
