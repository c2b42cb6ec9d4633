using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Broadcasts;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Storage;
using OvopBot.Tests.Fakes;

namespace OvopBot.Benchmarks.Broadcasts;

/// <summary>
/// What the broadcast load runs share, whatever the channel: the recipients seeded straight into the store, the
/// broadcast to all of NTT started through the real <see cref="BroadcastService"/> while people chat, and the report
/// against the platform's limit.
/// </summary>
internal static class BroadcastRun
{
    public const string Text = "Pengumuman OVOP: mohon lengkapi pendaftaran produk unggulan desa minggu ini.";

    /// <summary>Benchmark people ids: recipients from here up, chatters below.</summary>
    public const long RecipientBase = 2_000_000;

    public const long ChatterBase = 1_000_000;

    /// <summary>A fresh folder for the run's database and media.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ovopbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The settings every run shares: its own database and media, the checkout's flows, NTT, a free port, quiet logs.</summary>
    public static List<string> Settings(string folder) =>
    [
        "--Storage:DatabasePath", Path.Combine(folder, "bench.db"), "--Storage:MediaPath", Path.Combine(folder, "media"),
        "--Flows:Path", LoadArguments.FlowsFolder(), "--Regions:Scope", "53", "--urls", "http://127.0.0.1:0",
        "--Logging:LogLevel:Default", "Warning",
    ];

    /// <summary>The chatters' header line: how many chat meanwhile, at what pace.</summary>
    public static string ChattersLine(int people, TimeSpan think, string how) => people == 0
        ? "  no one chatting meanwhile"
        : FormattableString.Invariant($"  {people} people chatting meanwhile{how}, thinking {think.TotalSeconds:F0} s ± 50 % between messages");

    /// <summary>How the fake counts the limit: both models in turn unless <c>--model bucket|window</c> picks one.</summary>
    public static IReadOnlyList<FakeRateModel> Models(string[] args)
    {
        var at = Array.IndexOf(args, "--model");
        return (at >= 0 && at + 1 < args.Length ? args[at + 1] : "both") switch
        {
            "bucket" => [FakeRateModel.TokenBucket],
            "window" => [FakeRateModel.SlidingWindow],
            "both" => [FakeRateModel.TokenBucket, FakeRateModel.SlidingWindow],
            var other => throw new ArgumentException($"--model {other}: bucket, window or both"),
        };
    }

    public static string Describe(FakeRateModel model, double rate) => model == FakeRateModel.SlidingWindow
        ? FormattableString.Invariant($"a strict sliding window of {rate} in any second")
        : FormattableString.Invariant($"a token bucket of {rate}, refilled at {rate}/s");

    /// <summary>
    /// One started registration per contact, <paramref name="count"/> contacts on <paramref name="channel"/>, each on
    /// an NTT village in turn (several contacts per village beyond 3,442), written straight into the store.
    /// </summary>
    public static void Seed(IServiceProvider services, string channel, int count, Func<int, string> address,
        Func<int, DateTimeOffset> lastInbound)
    {
        var villages = services.GetRequiredService<RegionCatalog>().VillagesOf("53");
        var database = services.GetRequiredService<SqliteDatabase>();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var now = DbTime.Write(DateTimeOffset.UtcNow);
        for (var i = 0; i < count; i++)
        {
            var contactId = connection.ExecuteScalar<long>(
                "INSERT INTO contacts (channel, address, created_at, last_inbound_at) VALUES (@channel, @address, @now, @inbound) RETURNING id",
                new { channel, address = address(i), now, inbound = DbTime.Write(lastInbound(i)) }, transaction);
            var village = villages[i % villages.Count];
            connection.Execute(
                """
                INSERT INTO submissions (contact_id, village_code, village_name, status, answers_json, started_at, updated_at)
                VALUES (@contactId, @code, @name, 'draft', '{}', @now, @now)
                """,
                new { contactId, code = village.Code, name = village.Name, now }, transaction);
        }

        transaction.Commit();
    }

    /// <summary>
    /// Warms the started host up (one conversation step), previews and confirms a broadcast to everyone in NTT while
    /// the chatters chat, and waits until every recipient got it (at most 10 minutes). Returns how long the enqueue
    /// took and the whole run from the confirmation.
    /// </summary>
    public static async Task<(int Recipients, TimeSpan Enqueued, TimeSpan Done)> RunAsync(WebApplication app,
        BroadcastChatters chatters, BroadcastTally tally, string header)
    {
        await chatters.WarmUpAsync();
        var broadcasts = app.Services.GetRequiredService<BroadcastService>();
        var preview = await broadcasts.PrepareAsync(new BroadcastRequest(BroadcastTarget.All, "53", null, Text, "bench"),
            StaffRole.Admin, CancellationToken.None);
        Console.WriteLine(header.Replace("{recipients}", preview.Recipients.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var started = Stopwatch.GetTimestamp();
        using var stop = new CancellationTokenSource();
        var chatting = chatters.RunAsync(stop.Token);
        await broadcasts.ConfirmAsync(preview.Id, CancellationToken.None);
        tally.Enqueued();
        var enqueued = Stopwatch.GetElapsedTime(started);
        await Task.WhenAny(tally.Complete, Task.Delay(TimeSpan.FromMinutes(10)));
        var done = Stopwatch.GetElapsedTime(started);
        await stop.CancelAsync();
        await chatting;
        return (preview.Recipients, enqueued, done);
    }

    /// <summary>The figures common to every channel; <paramref name="refusals"/> names the platform's rate-limit answers.</summary>
    public static void Report(BroadcastTally tally, int recipients, double limit, TimeSpan enqueued, TimeSpan done,
        string refusals, BroadcastChatters chatters)
    {
        var delivered = tally.Delivered;
        // The people chatting are in the area too, so the broadcast reaches them as well; only the seeded count.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  enqueued {recipients} rows in {enqueued.TotalMilliseconds:F0} ms ({recipients - tally.Recipients} of them to people chatting); delivered {delivered}/{tally.Recipients} in {done.TotalSeconds:F1} s from the confirmation"));
        if (delivered == tally.Recipients)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  first to last delivery {tally.Sending.TotalSeconds:F1} s: broadcast {tally.BroadcastRate:F2} msg/s = {tally.BroadcastRate / limit:P1} of the limit; all sends (with replies) {tally.AllRate:F2} msg/s = {tally.AllRate / limit:P1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  after the enqueue ended: broadcast {tally.RateAfterEnqueue:F2} msg/s = {tally.RateAfterEnqueue / limit:P1} of the limit"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  process CPU (bot and fake platform together) {tally.CpuCores:F2} cores of {Environment.ProcessorCount} over that span"));
        }

        Console.WriteLine("  " + refusals);
        // Other work on the machine takes the cores from the run: the figures mean little without it.
        if (File.Exists("/proc/loadavg"))
        {
            Console.WriteLine("  load average (1, 5, 15 min) at the end: " + string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)));
        }

        if (chatters.Sent > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  chatters sent {chatters.Sent}, got {chatters.Received} messages back, {chatters.Unanswered} unanswered after 30 s; replies {chatters.Latencies()}"));
        }
    }

    /// <summary>Deletes the run's folder once the host let go of the database.</summary>
    public static async Task StopAsync(WebApplication app, string folder)
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
