using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Benchmarks.Broadcasts;
using OvopBot.Hosting;
using OvopBot.Storage;
using OvopBot.Tests.Fakes;

namespace OvopBot.Benchmarks.Conversations;

/// <summary>
/// One person floods the bot (<c>--flood-rate</c> messages/s, default 10) while <c>--people</c> (50) others go
/// through the registration at a human pace (<see cref="BroadcastChatters"/>: each waits for the reply, then thinks
/// <c>--think-seconds</c> ± 50 %), for <c>--seconds</c> (60), all through the real service host — Telegram channel
/// (long polling), inbound workers, SQLite store, outbox and sender — against the fake Bot API with Telegram's limits
/// (30/s bot-wide, 1/s per chat). Reports the 50 people's reply latency (from the update being queued on the fake to
/// the bot's first message back being accepted; target p99 ≤ 2 s) and the flooder's share of what the bot did in the
/// run: of its conversation steps and of its sent messages (target &lt; 10 %).
/// <c>dotnet run -c Release --project tests/OvopBot.Benchmarks -- flood [--people 50] [--flood-rate 10] [--seconds 60] [--think-seconds 10]</c>
/// </summary>
public static class FloodLoad
{
    private const long FlooderChat = 3_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var people = LoadArguments.Count(args, "--people", 50);
        var floodRate = LoadArguments.Number(args, "--flood-rate", 10);
        var duration = TimeSpan.FromSeconds(LoadArguments.Number(args, "--seconds", 60));
        var think = TimeSpan.FromSeconds(LoadArguments.Number(args, "--think-seconds", 10));
        var folder = BroadcastRun.NewFolder();
        await using var fake = await FakeTelegramServer.StartAsync();
        var settings = BroadcastRun.Settings(folder);
        settings.AddRange(["--Telegram:BotToken", FakeTelegramServer.Token, "--Telegram:ApiBaseUrl", fake.BaseUrl]);
        var app = ServiceHost.Build([.. settings]);
        var chatters = new BroadcastChatters((chat, text) =>
        {
            fake.PushText(chat, text);
            return Task.CompletedTask;
        }, BroadcastRun.ChatterBase, people, think);
        var counting = 0;
        long toFlooder = 0, toOthers = 0;
        fake.Delivered = message =>
        {
            chatters.Replied(message.ChatId, Stopwatch.GetTimestamp());
            if (Volatile.Read(ref counting) == 1)
            {
                Interlocked.Increment(ref message.ChatId == FlooderChat ? ref toFlooder : ref toOthers);
            }
        };
        try
        {
            await app.StartAsync();
            Console.WriteLine(FormattableString.Invariant(
                $"flood: 1 person sending {floodRate} messages/s for {duration.TotalSeconds:F0} s; the fake allows 30/s bot-wide, 1/s per chat"));
            Console.WriteLine(BroadcastRun.ChattersLine(people, think, ", through the registration"));
            Console.WriteLine("  " + LoadArguments.LoadAverage());
            await chatters.WarmUpAsync();
            var database = app.Services.GetRequiredService<SqliteDatabase>();
            var stepsBefore = Steps(database);
            Volatile.Write(ref counting, 1);
            using var stop = new CancellationTokenSource(duration);
            var chatting = chatters.RunAsync(stop.Token);
            var flooded = await FloodAsync(fake, floodRate, stop.Token);
            await chatting;
            Volatile.Write(ref counting, 0);
            var steps = Steps(database);
            Report(chatters, flooded, steps.Flooder - stepsBefore.Flooder, steps.Others - stepsBefore.Others,
                Interlocked.Read(ref toFlooder), Interlocked.Read(ref toOthers), WaitingOf(database));
            Console.WriteLine("  " + LoadArguments.LoadAverage());
        }
        finally
        {
            await BroadcastRun.StopAsync(app, folder);
        }

        return 0;
    }

    /// <summary>Pushes a message for the flooder every 1/rate seconds until stopped; returns how many.</summary>
    private static async Task<int> FloodAsync(FakeTelegramServer fake, double rate, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / rate));
        var sent = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                // Things a flooder types: the same greeting, numbers, junk; every one is a real conversation step.
                fake.PushText(FlooderChat, (sent % 4) switch
                {
                    0 => "halo",
                    1 => "1",
                    2 => "spam spam spam " + sent.ToString(CultureInfo.InvariantCulture),
                    _ => "???",
                });
                sent++;
            }
        }
        catch (OperationCanceledException)
        {
        }

        return sent;
    }

    /// <summary>Messages stepped so far: the flooder's, everybody else's.</summary>
    private static (long Flooder, long Others) Steps(SqliteDatabase database)
    {
        using var connection = database.Open();
        var rows = connection.Query<(string Address, long Count)>(
            "SELECT c.address, count(*) FROM inbound_messages i JOIN contacts c ON c.id = i.contact_id WHERE i.processed_at IS NOT NULL GROUP BY c.address");
        var flooder = FlooderChat.ToString(CultureInfo.InvariantCulture);
        return (rows.Where(r => r.Address == flooder).Sum(r => r.Count), rows.Where(r => r.Address != flooder).Sum(r => r.Count));
    }

    private static long WaitingOf(SqliteDatabase database)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM inbound_messages WHERE processed_at IS NULL");
    }

    private static void Report(BroadcastChatters chatters, int flooded, long flooderSteps, long otherSteps, long toFlooder, long toOthers,
        long waiting)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  people: sent {chatters.Sent}, {chatters.Unanswered} unanswered after 30 s; replies {chatters.Latencies()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  flooder: sent {flooded}, {flooderSteps} stepped in the run, the rest wait in order ({waiting} messages unprocessed at the end)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  flooder's share: of conversation steps {Share(flooderSteps, otherSteps):P1} ({flooderSteps} of {flooderSteps + otherSteps}); of messages sent {Share(toFlooder, toOthers):P1} ({toFlooder} of {toFlooder + toOthers})"));
    }

    private static double Share(long mine, long others) => mine + others == 0 ? 0 : (double)mine / (mine + others);
}
