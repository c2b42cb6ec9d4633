using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvopBot.Broadcasts;
using OvopBot.Channels.Telegram;
using OvopBot.Hosting;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Storage;
using OvopBot.Tests.Fakes;

namespace OvopBot.Benchmarks.Broadcasts;

/// <summary>
/// A broadcast to one contact per NTT village (3,442) through the real outbox and Telegram sender against the fake
/// Bot API enforcing <c>--rate</c> messages/s bot-wide (a token bucket of one second's worth) and 1/s per chat, while
/// <c>--chatters</c> other people go through the registration meanwhile. Reports the completion time against
/// 3442/rate × 1.05, the 429 answers (must be 0) and how close the bot came to one, the achieved rate ÷ limit of the
/// broadcast and of all sends, and the chatters' reply latency (p99 must stay ≤ 2 s).
/// <para>
/// The chatters write at a human pace (see <see cref="BroadcastChatters"/>): a village head reads a question and
/// types the answer on a basic phone, so each waits for the reply and then <c>--think-seconds</c> (10) ± 50 % before
/// the next message; five such people ask about 0.5 replies/s of the bot-wide budget. (Earlier every chatter wrote
/// every 2 s regardless, 2.5 replies/s, which no real person does and which alone pushed the broadcast over its
/// budget.) The bot paces at its configured default (<c>Telegram:MessagesPerSecond</c>) unless <c>--send-rate</c>
/// says otherwise.
/// </para>
/// <c>dotnet run -c Release --project tests/OvopBot.Benchmarks -- broadcast [--rate 30] [--chatters 5] [--think-seconds 10] [--send-rate 30]</c>
/// </summary>
public static class BroadcastLoad
{
    private const long RecipientBase = 2_000_000;
    private const long ChatterBase = 1_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = LoadArguments.Number(args, "--rate", 30);
        var people = LoadArguments.Count(args, "--chatters", 5);
        var think = TimeSpan.FromSeconds(LoadArguments.Number(args, "--think-seconds", 10));
        var folder = Path.Combine(Path.GetTempPath(), "ovopbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.BotPerSecond = rate;
        string[] settings = [
            "--Telegram:BotToken", FakeTelegramServer.Token, "--Telegram:ApiBaseUrl", fake.BaseUrl,
            "--Storage:DatabasePath", Path.Combine(folder, "bench.db"), "--Storage:MediaPath", Path.Combine(folder, "media"),
            "--Flows:Path", LoadArguments.FlowsFolder(), "--Regions:Scope", "53", "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning",
        ];
        var at = Array.IndexOf(args, "--send-rate");
        var app = ServiceHost.Build(at < 0 ? settings : [.. settings, "--Telegram:MessagesPerSecond", args[at + 1]]);
        try
        {
            var recipients = Seed(app.Services, fake);
            var pace = app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value.MessagesPerSecond;
            var chatters = new BroadcastChatters(fake, ChatterBase, people, think);
            var delivered = 0;
            var finished = new TaskCompletionSource<(long At, int AllSends)>(TaskCreationOptions.RunContinuationsAsynchronously);
            var allSends = 0;
            // Called under the fake's lock, one message at a time: plain counters are safe here.
            fake.Delivered = message =>
            {
                var now = Stopwatch.GetTimestamp();
                allSends++;
                if (message.ChatId < RecipientBase)
                {
                    chatters.Replied(message.ChatId, now);
                }
                else if (++delivered == recipients)
                {
                    finished.TrySetResult((now, allSends));
                }
            };
            await app.StartAsync();
            var broadcasts = app.Services.GetRequiredService<BroadcastService>();
            var preview = await broadcasts.PrepareAsync(new BroadcastRequest(BroadcastTarget.All, "53", null,
                "Pengumuman OVOP: mohon lengkapi pendaftaran produk unggulan desa minggu ini.", "bench"), StaffRole.Admin, CancellationToken.None);
            Console.WriteLine(FormattableString.Invariant(
                $"broadcast: {preview.Recipients} recipients on telegram; the fake allows {rate}/s bot-wide, 1/s per chat; the bot paces at {pace}/s"));
            Console.WriteLine(people == 0 ? "  no one chatting meanwhile" : FormattableString.Invariant(
                $"  {people} people chatting meanwhile, thinking {think.TotalSeconds:F0} s ± 50 % between messages"));

            var started = Stopwatch.GetTimestamp();
            using var stop = new CancellationTokenSource();
            var chatting = chatters.RunAsync(stop.Token);
            await broadcasts.ConfirmAsync(preview.Id, CancellationToken.None);
            var enqueued = Stopwatch.GetElapsedTime(started);
            var ended = await Task.WhenAny(finished.Task, Task.Delay(TimeSpan.FromMinutes(10))) == finished.Task
                ? await finished.Task
                : (At: Stopwatch.GetTimestamp(), AllSends: fake.Sent.Count);
            var done = Stopwatch.GetElapsedTime(started, ended.At);
            await stop.CancelAsync();
            await chatting;
            Report(fake, recipients, fake.Sent.Count(m => m.ChatId >= RecipientBase), rate, enqueued, done, ended.AllSends, chatters);
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

    private static void Report(FakeTelegramServer fake, int recipients, int delivered, double rate, TimeSpan enqueued,
        TimeSpan done, int allSends, BroadcastChatters chatters)
    {
        var budget = recipients / rate * 1.05;
        var achieved = delivered / done.TotalSeconds;
        // The chatters' replies share the bot-wide limit, so the platform's budget is judged on every send.
        var allRate = allSends / done.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  enqueued {recipients} rows in {enqueued.TotalMilliseconds:F0} ms; delivered {delivered}/{recipients} in {done.TotalSeconds:F1} s (budget {budget:F1} s: {(done.TotalSeconds <= budget && delivered == recipients ? "met" : "MISSED")})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  broadcast {achieved:F2} msg/s = {achieved / rate:P1} of the limit; all sends (with replies) {allRate:F2} msg/s = {allRate / rate:P1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  429 answers: {fake.FloodRefusals}; fewest tokens left in the fake's bot-wide bucket before a send: {fake.BotHeadroom:F2} (< 1 is a 429)"));
        if (chatters.Sent == 0)
        {
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  chatters sent {chatters.Sent}, got {chatters.Received} messages back, {chatters.Unanswered} unanswered after 30 s; replies {chatters.Latencies()}"));
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
}
