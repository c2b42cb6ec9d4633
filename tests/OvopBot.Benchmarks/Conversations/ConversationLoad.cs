using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Hosting;

namespace OvopBot.Benchmarks.Conversations;

/// <summary>
/// Drives N simulated people through the whole registration flow against a real SQLite file and reports inbound
/// messages per second and p50/p99 handling latency (store + engine step + outbox insert, one transaction each).
/// <c>dotnet run -c Release --project tests/OvopBot.Benchmarks -- conversations [--people 500] [--parallel 8]</c>
/// </summary>
public static class ConversationLoad
{
    private static readonly string[] Registration =
    [
        "halo", "ya", "Oelnasi", "1", "1", "Yohanes Nope", "0812-3456-7890", "Kopi Arabika", "2", "3",
        "Kopi sangrai dari kebun warga", "Biji kopi", "1", "2", "Juni - Agustus", "1", "1.500", "1,3", "50 ribu", "1",
        "40", "25", "5", "0", "1", "BUMDes Sehati", "12", "3", "1", "2,3", "1", "3", "1 3", "20", "Rp 2,5 jt", "Mesin sangrai",
        "LEWATI", ":location -10.1772,123.6070", "0",
    ];

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
                        Text = Registration[i], ReceivedAt = DateTimeOffset.UtcNow,
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
            $"{people} people x {Registration.Length} messages = {total} inbound messages, {parallel} in parallel"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput: {total / started.Elapsed.TotalSeconds:F0} messages/s; latency p50 {latencies[total / 2]:F2} ms, p99 {latencies[(int)(total * 0.99)]:F2} ms, max {latencies[^1]:F2} ms"));
        Directory.Delete(folder, recursive: true);
        return 0;
    }
}
