using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Broadcasts;
using OvopBot.Hosting;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Storage;
using OvopBot.Tests.Fakes;

namespace OvopBot.Benchmarks.Broadcasts;

/// <summary>
/// A broadcast to one contact per NTT village (3,442) through the real outbox and Telegram sender against the fake
/// Bot API enforcing <c>--rate</c> messages/s, while <c>--chatters</c> other people keep writing to the bot (one
/// message each every 2 s). Reports the completion time against 3442/rate × 1.05, the 429 answers (must be 0), the
/// achieved rate ÷ limit, and the chatters' reply latency (p99 must stay ≤ 2 s).
/// <c>dotnet run -c Release --project tests/OvopBot.Benchmarks -- broadcast [--rate 30] [--chatters 5] [--send-rate 30]</c>
/// </summary>
public static class BroadcastLoad
{
    private const long RecipientBase = 2_000_000;
    private const long ChatterBase = 1_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Option(args, "--rate", 30);
        var chatters = Option(args, "--chatters", 5);
        // The bot's own pace may be set a little under the platform's (--send-rate 29) to absorb network jitter.
        var sendRate = args.Contains("--send-rate") ? double.Parse(args[Array.IndexOf(args, "--send-rate") + 1], CultureInfo.InvariantCulture) : rate;
        var folder = Path.Combine(Path.GetTempPath(), "ovopbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.BotPerSecond = rate;
        var app = ServiceHost.Build([
            "--Telegram:BotToken", FakeTelegramServer.Token, "--Telegram:ApiBaseUrl", fake.BaseUrl,
            "--Telegram:MessagesPerSecond", sendRate.ToString(CultureInfo.InvariantCulture),
            "--Storage:DatabasePath", Path.Combine(folder, "bench.db"), "--Storage:MediaPath", Path.Combine(folder, "media"),
            "--Flows:Path", FindFlows(), "--Regions:Scope", "53", "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning",
        ]);
        try
        {
            var recipients = Seed(app.Services, fake);
            await app.StartAsync();
            var broadcasts = app.Services.GetRequiredService<BroadcastService>();
            var preview = await broadcasts.PrepareAsync(new BroadcastRequest(BroadcastTarget.All, "53", null,
                "Pengumuman OVOP: mohon lengkapi pendaftaran produk unggulan desa minggu ini.", "bench"), StaffRole.Admin, CancellationToken.None);
            Console.WriteLine(FormattableString.Invariant($"broadcast: {preview.Recipients} recipients on telegram, {rate} messages/s bot-wide (bot paces at {sendRate}), {chatters} people chatting meanwhile"));

            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var chatting = ChatAsync(fake, chatters, clock, stop.Token);
            await broadcasts.ConfirmAsync(preview.Id, CancellationToken.None);
            var enqueued = clock.Elapsed;
            while (CountBroadcast(fake) < recipients && clock.Elapsed < TimeSpan.FromMinutes(10))
            {
                await Task.Delay(20);
            }

            var done = clock.Elapsed;
            await stop.CancelAsync();
            var latencies = await chatting;
            var delivered = CountBroadcast(fake);
            var budget = recipients / (double)rate * 1.05;
            var achieved = delivered / done.TotalSeconds;
            // The chatters' replies share the bot-wide limit, so the platform's budget is judged on every send.
            var allSent = fake.Sent.Count / done.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  enqueued {recipients} rows in {enqueued.TotalMilliseconds:F0} ms; delivered {delivered}/{recipients} in {done.TotalSeconds:F1} s (budget {budget:F1} s: {(done.TotalSeconds <= budget ? "met" : "MISSED")})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  broadcast {achieved:F2} msg/s = {achieved / rate:P1} of the limit; all sends (with replies) {allSent:F2} msg/s = {allSent / rate:P1}; 429 answers: {fake.FloodRefusals}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  chatters' replies {latencies.Length}: p50 {Percentile(latencies, 0.50):F0} ms  p99 {Percentile(latencies, 0.99):F0} ms  max {latencies.LastOrDefault():F0} ms"));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    /// <summary>One started registration per NTT village, on Telegram, written straight into the store.</summary>
    private static int Seed(IServiceProvider services, FakeTelegramServer fake)
    {
        var villages = services.GetRequiredService<RegionCatalog>().VillagesOf("53");
        var database = services.GetRequiredService<SqliteDatabase>();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var now = DbTime.Write(DateTimeOffset.UtcNow);
        for (var i = 0; i < villages.Count; i++)
        {
            var chatId = RecipientBase + i;
            fake.AddChat(chatId);
            var contactId = connection.ExecuteScalar<long>(
                "INSERT INTO contacts (channel, address, created_at, last_inbound_at) VALUES ('telegram', @address, @now, @now) RETURNING id",
                new { address = chatId.ToString(CultureInfo.InvariantCulture), now }, transaction);
            connection.Execute(
                """
                INSERT INTO submissions (contact_id, village_code, village_name, status, answers_json, started_at, updated_at)
                VALUES (@contactId, @code, @name, 'draft', '{}', @now, @now)
                """,
                new { contactId, code = villages[i].Code, name = villages[i].Name, now }, transaction);
        }

        transaction.Commit();
        return villages.Count;
    }

    /// <summary>Each chatter writes every 2 s (their per-chat limit is 1/s) until stopped; returns the reply latencies, sorted.</summary>
    private static async Task<double[]> ChatAsync(FakeTelegramServer fake, int chatters, Stopwatch clock, CancellationToken stop)
    {
        var latencies = new List<double>();
        var round = 0;
        while (!stop.IsCancellationRequested)
        {
            var before = fake.Sent.Count;
            var pushedAt = clock.Elapsed;
            var waiting = new HashSet<long>();
            for (var p = 0; p < chatters; p++)
            {
                waiting.Add(ChatterBase + p);
                fake.PushText(ChatterBase + p, round == 0 ? "halo" : "BANTUAN");
            }

            var seen = before;
            while (waiting.Count > 0 && clock.Elapsed - pushedAt < TimeSpan.FromSeconds(30))
            {
                var sent = fake.Sent;
                for (; seen < sent.Count; seen++)
                {
                    if (waiting.Remove(sent[seen].ChatId))
                    {
                        latencies.Add((clock.Elapsed - pushedAt).TotalMilliseconds);
                    }
                }

                await Task.Delay(1, CancellationToken.None);
            }

            round++;
            var next = pushedAt + TimeSpan.FromSeconds(2) - clock.Elapsed;
            if (next > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(next, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        return [.. latencies.Order()];
    }

    private static int CountBroadcast(FakeTelegramServer fake) => fake.Sent.Count(m => m.ChatId >= RecipientBase);

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string FindFlows()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OvopBot.sln")))
            {
                return Path.Combine(dir.FullName, "flows");
            }
        }

        throw new InvalidOperationException("OvopBot.sln not found above " + AppContext.BaseDirectory);
    }
}
