using System.Diagnostics;
using System.Globalization;
using OvopBot.Hosting;
using OvopBot.Tests.Fakes;

namespace OvopBot.Benchmarks.Telegram;

/// <summary>
/// N people answer at once through the fake Bot API (real HTTP, long polling) into the real service host; measures
/// the time from the update being available on the fake to the bot's reply arriving there, per person, for two
/// rounds (the first message, then an answer to a question). <c>--rate</c> is the bot-wide limit on both sides
/// (bot and fake); with Telegram's 30/s, 500 replies need 16 s at best, so latency then shows the limit, not us.
/// <c>dotnet run -c Release --project tests/OvopBot.Benchmarks -- telegram [--people 500] [--rate 30]</c>
/// </summary>
public static class TelegramLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var people = LoadArguments.Count(args, "--people", 500);
        var rate = LoadArguments.Count(args, "--rate", 30);
        var folder = Path.Combine(Path.GetTempPath(), "ovopbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.BotPerSecond = rate;
        var app = ServiceHost.Build([
            "--Telegram:BotToken", FakeTelegramServer.Token, "--Telegram:ApiBaseUrl", fake.BaseUrl,
            "--Telegram:MessagesPerSecond", rate.ToString(CultureInfo.InvariantCulture),
            "--Storage:DatabasePath", Path.Combine(folder, "bench.db"), "--Storage:MediaPath", Path.Combine(folder, "media"),
            "--Flows:Path", LoadArguments.FlowsFolder(), "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning",
        ]);
        await app.StartAsync();
        try
        {
            Console.WriteLine($"telegram: {people} people at once, {rate} messages/s bot-wide, 1/s per chat");
            await RoundAsync(fake, people, "halo", "first message");
            // One second apart, so the per-chat limit does not hold the second reply back.
            await Task.Delay(TimeSpan.FromSeconds(1.1));
            await RoundAsync(fake, people, "1. Ya", "answer (keyboard tap)");
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

    private static async Task RoundAsync(FakeTelegramServer fake, int people, string text, string label)
    {
        var before = fake.Sent.Count;
        var pushedAt = new long[people];
        var repliedAt = new long[people];
        var clock = Stopwatch.StartNew();
        for (var p = 0; p < people; p++)
        {
            pushedAt[p] = clock.ElapsedTicks;
            fake.PushText(1_000_000 + p, text);
        }

        // The fake records a reply as it accepts it; watching its list every millisecond times them closely enough.
        var seen = 0;
        var deadline = TimeSpan.FromMinutes(2);
        var sent = fake.Sent;
        while (seen < people && clock.Elapsed < deadline)
        {
            sent = fake.Sent;
            for (var i = before; i < sent.Count; i++)
            {
                var p = (int)(sent[i].ChatId - 1_000_000);
                if (repliedAt[p] == 0)
                {
                    repliedAt[p] = clock.ElapsedTicks;
                    seen++;
                }
            }

            before = sent.Count;
            await Task.Delay(1);
        }

        var total = clock.Elapsed;
        var latencies = LatencyReport.Of(Enumerable.Range(0, people).Where(p => repliedAt[p] > 0)
            .Select(p => (repliedAt[p] - pushedAt[p]) * 1000.0 / Stopwatch.Frequency));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-22} replies {latencies.Count}/{people}  {latencies}  throughput {latencies.Count / total.TotalSeconds:F1} replies/s"));
    }
}
