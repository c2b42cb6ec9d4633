using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Telegram;
using OvopBot.Hosting;
using OvopBot.Tests.Fakes;

namespace OvopBot.Benchmarks.Broadcasts;

/// <summary>
/// A broadcast to one contact per NTT village (3,442, or <c>--people</c>) through the real outbox and Telegram sender
/// against the fake Bot API enforcing <c>--rate</c> messages/s bot-wide and 1/s per chat, while <c>--chatters</c>
/// other people go through the registration meanwhile. Telegram does not document how it counts, so the run is made
/// under both models (<c>--model bucket|window|both</c>, default both): a token bucket of one second's worth, and a
/// strict sliding window (never more than the limit in any second). Reports, per model, the 429 answers (must be 0)
/// and how close the bot came to one, the achieved rate ÷ limit of the broadcast and of all sends, and the chatters'
/// reply latency (p99 must stay ≤ 2 s).
/// <para>
/// The chatters write at a human pace (see <see cref="BroadcastChatters"/>): a village head reads a question and
/// types the answer on a basic phone, so each waits for the reply and then <c>--think-seconds</c> (10) ± 50 % before
/// the next message; five such people ask about 0.5 replies/s of the bot-wide budget. The bot paces at its
/// configured default (<c>Telegram:MessagesPerSecond</c>) unless <c>--send-rate</c> says otherwise.
/// </para>
/// <c>dotnet run -c Release --project tests/OvopBot.Benchmarks -- broadcast [--people 3442] [--model both] [--rate 30] [--chatters 5] [--think-seconds 10] [--send-rate 30]</c>
/// </summary>
public static class BroadcastLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        foreach (var model in BroadcastRun.Models(args))
        {
            await RunOnceAsync(args, model);
        }

        return 0;
    }

    private static async Task RunOnceAsync(string[] args, FakeRateModel model)
    {
        var rate = LoadArguments.Number(args, "--rate", 30);
        var recipients = LoadArguments.Count(args, "--people", 3442);
        var people = LoadArguments.Count(args, "--chatters", 5);
        var think = TimeSpan.FromSeconds(LoadArguments.Number(args, "--think-seconds", 10));
        var folder = BroadcastRun.NewFolder();
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.BotPerSecond = rate;
        fake.BotRateModel = model;
        var settings = BroadcastRun.Settings(folder);
        settings.AddRange(["--Telegram:BotToken", FakeTelegramServer.Token, "--Telegram:ApiBaseUrl", fake.BaseUrl]);
        if (Array.IndexOf(args, "--send-rate") is var at and >= 0)
        {
            settings.AddRange(["--Telegram:MessagesPerSecond", args[at + 1]]);
        }

        var app = ServiceHost.Build([.. settings]);
        try
        {
            BroadcastRun.Seed(app.Services, TelegramUpdateMapper.ChannelName, recipients,
                i => (BroadcastRun.RecipientBase + i).ToString(CultureInfo.InvariantCulture), _ => DateTimeOffset.UtcNow);
            for (var i = 0; i < recipients; i++)
            {
                fake.AddChat(BroadcastRun.RecipientBase + i);
            }

            var pace = app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value.MessagesPerSecond;
            var chatters = new BroadcastChatters((chat, text) =>
            {
                fake.PushText(chat, text);
                return Task.CompletedTask;
            }, BroadcastRun.ChatterBase, people, think);
            var tally = new BroadcastTally(recipients);
            fake.Delivered = message =>
            {
                var now = Stopwatch.GetTimestamp();
                if (message.ChatId < BroadcastRun.RecipientBase)
                {
                    chatters.Replied(message.ChatId, now);
                }

                tally.Accepted(message.ChatId >= BroadcastRun.RecipientBase, now);
            };
            await app.StartAsync();
            var header = FormattableString.Invariant(
                $"broadcast: {{recipients}} recipients on telegram; the fake allows {BroadcastRun.Describe(model, rate)} bot-wide, 1/s per chat; the bot paces at {pace}/s");
            header += Environment.NewLine + BroadcastRun.ChattersLine(people, think, "");
            var (count, enqueued, done) = await BroadcastRun.RunAsync(app, chatters, tally, header);
            BroadcastRun.Report(tally, count, rate, enqueued, done, string.Create(CultureInfo.InvariantCulture,
                $"429 answers: {fake.FloodRefusals}; fewest places left in the fake's bot-wide limit before a send: {fake.BotHeadroom:F2} (< 1 is a 429)"), chatters);
        }
        finally
        {
            await BroadcastRun.StopAsync(app, folder);
        }
    }
}
