using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Broadcasts;
using OvopBot.Channels.Sms;
using OvopBot.Hosting;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Storage;
using OvopBot.Tests.Fakes;

namespace OvopBot.Benchmarks.Sms;

/// <summary>
/// A broadcast to <c>--people</c> (300) SMS contacts through the real outbox, SMS pacer and sender against the fake
/// SMSGate phone, while <c>--chatters</c> (3) other people text the office phone and go through the registration.
/// Reports the SMS parts the fake accepted in the busiest rolling minute (must never exceed
/// <c>--per-minute</c>), the broadcast's pace as sent ÷ limit (must be ≥ 0.97), and how long the chatters waited for
/// each answer (replies go before the broadcast, so about one pacing interval).
/// <para>
/// The real limit is 20 a minute: 300 SMS take 15 minutes. The default <c>--per-minute 600</c> compresses the time
/// scale 30 times (the same pacing arithmetic, 30 s instead of 15 min); <c>--per-minute 20</c> runs it in real time.
/// </para>
/// <c>dotnet run -c Release --project tests/OvopBot.Benchmarks -- sms-broadcast [--people 300] [--per-minute 600] [--chatters 3]</c>
/// </summary>
public static class SmsBroadcastLoad
{
    private static readonly string[] Answers =
        ["halo", "1", "1", "Yohanes Nope", "Oelnasi", "ya", "Kopi Arabika", "2", "3", "Kopi sangrai.", "Biji kopi", "1", "1"];

    public static async Task<int> RunAsync(string[] args)
    {
        var people = LoadArguments.Count(args, "--people", 300);
        var perMinute = (int)LoadArguments.Number(args, "--per-minute", 600);
        var chatterCount = LoadArguments.Count(args, "--chatters", 3);
        var folder = Path.Combine(Path.GetTempPath(), "ovopbot-sms-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var fake = await FakeSmsGateServer.StartAsync(TimeProvider.System);
        var port = FreePort();
        var app = ServiceHost.Build(
        [
            "--Sms:ApiBaseUrl", fake.ApiBaseUrl, "--Sms:Username", fake.Username, "--Sms:Password", fake.Password,
            "--Sms:SigningKey", fake.SigningKey, "--Sms:WebhookUrl", $"http://127.0.0.1:{port}{SmsWebhookHandler.Path}",
            "--Sms:MessagesPerMinute", perMinute.ToString(CultureInfo.InvariantCulture),
            "--Storage:DatabasePath", Path.Combine(folder, "bench.db"), "--Storage:MediaPath", Path.Combine(folder, "media"),
            "--Flows:Path", LoadArguments.FlowsFolder(), "--Regions:Scope", "53", "--urls", $"http://127.0.0.1:{port}",
            "--Logging:LogLevel:Default", "Warning",
        ]);
        var accepted = new ConcurrentQueue<(long At, FakeSms Sms)>();
        var waiting = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        fake.Accepted = sms =>
        {
            var now = Stopwatch.GetTimestamp();
            accepted.Enqueue((now, sms));
            if (waiting.TryRemove(sms.To, out var asked))
            {
                latencies.Add(Stopwatch.GetElapsedTime(asked, now).TotalMilliseconds);
            }
        };
        try
        {
            var recipients = Seed(app.Services, people);
            await app.StartAsync();
            while (fake.Webhooks.Count < SmsGateGateway.Events.Count)
            {
                await Task.Delay(20);
            }

            var broadcasts = app.Services.GetRequiredService<BroadcastService>();
            var preview = await broadcasts.PrepareAsync(new BroadcastRequest(BroadcastTarget.All, "53", null,
                "Pengumuman OVOP: mohon lengkapi pendaftaran produk unggulan desa minggu ini. Terima kasih.", "bench"),
                StaffRole.Admin, CancellationToken.None);
            Console.WriteLine(FormattableString.Invariant(
                $"sms-broadcast: {preview.Recipients} recipients by SMS ({preview.SmsParts} parts), limit {perMinute} parts/min, {chatterCount} people texting meanwhile"));

            var started = Stopwatch.GetTimestamp();
            using var stop = new CancellationTokenSource();
            var chatters = Enumerable.Range(0, chatterCount)
                .Select(i => ChatAsync(fake, $"+6285300000{i:D3}", waiting, TimeSpan.FromSeconds(2 + i), stop.Token)).ToList();
            await broadcasts.ConfirmAsync(preview.Id, CancellationToken.None);
            var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * (long)Math.Ceiling(people * 60.0 / perMinute * 2 + 60));
            while (accepted.Count(a => a.Sms.To.StartsWith("+62812", StringComparison.Ordinal)) < recipients
                   && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(50);
            }

            await stop.CancelAsync();
            await Task.WhenAll(chatters);
            Report(accepted.ToList(), recipients, perMinute, started, latencies.ToList());
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

    /// <summary>A person texting the office through the registration: waits for the answer, thinks, answers.</summary>
    private static async Task ChatAsync(FakeSmsGateServer fake, string from, ConcurrentDictionary<string, long> waiting,
        TimeSpan think, CancellationToken stop)
    {
        try
        {
            foreach (var answer in Answers)
            {
                waiting[from] = Stopwatch.GetTimestamp();
                using (await fake.ReceiveAsync(from, answer))
                {
                }

                while (waiting.ContainsKey(from))
                {
                    await Task.Delay(10, stop);
                }

                await Task.Delay(think, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The broadcast is over.
        }
    }

    private static void Report(List<(long At, FakeSms Sms)> accepted, int recipients, int perMinute, long started,
        List<double> latencies)
    {
        var broadcast = accepted.Where(a => a.Sms.To.StartsWith("+62812", StringComparison.Ordinal)).ToList();
        var seconds = broadcast.Count == 0 ? 0 : Stopwatch.GetElapsedTime(started, broadcast[^1].At).TotalSeconds;
        // Every send starts a window; the busiest window is what the SIM and Android see (counted at the fake phone).
        var busiest = Busiest(accepted, Stopwatch.Frequency * 60);
        var parts = accepted.Sum(a => a.Sms.Parts);
        var limitPerSecond = perMinute / 60.0;
        var allRatio = parts / seconds / limitPerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  broadcast: {broadcast.Count}/{recipients} SMS in {seconds:F1} s; all SMS sent (with replies) {accepted.Count}, {parts} parts"));
        // On the wire: the parts after the broadcast's first SMS up to its last, over that span (the span before the
        // first SMS is the enqueue of the rows and the first wake-up, not the pace).
        var first = broadcast.Count == 0 ? started : broadcast[0].At;
        var wire = broadcast.Count < 2 ? 0 : Stopwatch.GetElapsedTime(first, broadcast[^1].At).TotalSeconds;
        var wireParts = accepted.Where(a => a.At > first && a.At <= broadcast[^1].At).Sum(a => a.Sms.Parts);
        var wireRatio = wire == 0 ? 0 : wireParts / wire / limitPerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  sent ÷ limit = {wireRatio:F3} from the first SMS to the last ({wire:F1} s); {allRatio:F3} from the confirmation ({parts / seconds * 60:F1} parts/min of {perMinute})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  busiest rolling minute {busiest} parts ({(busiest <= perMinute ? "never over" : "OVER THE LIMIT")})"));
        // A run shorter than a minute cannot go over a minute's limit; a tenth of a minute shows whether the pace is even.
        var busiestTenth = Busiest(accepted, Stopwatch.Frequency * 6);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  busiest rolling 6 s {busiestTenth} parts (an even pace gives {perMinute / 10.0:F0})"));
        if (latencies.Count > 0)
        {
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  replies to people texting meanwhile: {latencies.Count}, median {latencies[latencies.Count / 2]:F0} ms, max {latencies[^1]:F0} ms (one pacing interval is {60_000.0 / perMinute:F0} ms)"));
        }
    }

    private static int Busiest(List<(long At, FakeSms Sms)> accepted, long window) =>
        accepted.Max(a => accepted.Where(b => b.At >= a.At && b.At - a.At < window).Sum(b => b.Sms.Parts));

    /// <summary>One started registration per SMS person, each in a different NTT village, written into the store.</summary>
    private static int Seed(IServiceProvider services, int people)
    {
        var villages = services.GetRequiredService<RegionCatalog>().VillagesOf("53");
        using var connection = services.GetRequiredService<SqliteDatabase>().Open();
        using var transaction = connection.BeginTransaction();
        var now = DbTime.Write(DateTimeOffset.UtcNow);
        for (var i = 0; i < people; i++)
        {
            var contactId = connection.ExecuteScalar<long>(
                "INSERT INTO contacts (channel, address, phone, created_at, last_inbound_at) VALUES ('sms', @address, @address, @now, @now) RETURNING id",
                new { address = string.Create(CultureInfo.InvariantCulture, $"+62812{i:D8}"), now }, transaction);
            connection.Execute(
                """
                INSERT INTO submissions (contact_id, village_code, village_name, status, answers_json, started_at, updated_at)
                VALUES (@contactId, @code, @name, 'draft', '{}', @now, @now)
                """,
                new { contactId, code = villages[i].Code, name = villages[i].Name, now }, transaction);
        }

        transaction.Commit();
        return people;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
