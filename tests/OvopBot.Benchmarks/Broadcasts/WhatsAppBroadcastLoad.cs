using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels.WhatsApp;
using OvopBot.Hosting;
using OvopBot.Tests.Fakes;

namespace OvopBot.Benchmarks.Broadcasts;

/// <summary>
/// WhatsApp at full throughput: a broadcast to <c>--people</c> contacts in NTT (default one minute's worth at the
/// limit) through the real outbox and WhatsApp sender against the fake Graph API enforcing <c>--rate</c> messages/s
/// (Meta's default tier 80, raised tiers 1,000; error 130429 beyond), counted as a strict sliding window unless
/// <c>--model</c> says otherwise. The 24-hour window is closed for most recipients (all but <c>--open-window</c>, a
/// fraction, default 0.1), so they get the approved template; the others get free-form text. Meanwhile
/// <c>--chatters</c> people go through the registration by webhook at a human pace (<see cref="BroadcastChatters"/>).
/// Reports the broadcast rate ÷ limit (target ≥ 0.97), the 130429 answers (target 0), the replies' latency (p99
/// ≤ 2 s) and the process's CPU use. The bot paces at <c>--send-rate</c> (default: the fake's rate) with
/// <c>--parallel</c> sends in flight (default: the service's <c>Outbox:MaxParallelSendsPerChannel:whatsapp</c>, 64).
/// <c>dotnet run -c Release --project tests/OvopBot.Benchmarks -- whatsapp-broadcast [--rate 80] [--people 4800] [--model window] [--open-window 0.1] [--chatters 5] [--think-seconds 10] [--parallel 64]</c>
/// </summary>
public static class WhatsAppBroadcastLoad
{
    private const string Template = "ovop_pengumuman";

    public static async Task<int> RunAsync(string[] args)
    {
        var models = Array.IndexOf(args, "--model") >= 0 ? BroadcastRun.Models(args) : [FakeRateModel.SlidingWindow];
        foreach (var model in models)
        {
            await RunOnceAsync(args, model);
        }

        return 0;
    }

    /// <summary>A WhatsApp number for a benchmark person id: 628 and ten digits.</summary>
    private static string WaId(long id) => "628" + id.ToString("D10", CultureInfo.InvariantCulture);

    private static long IdOf(string to) => long.Parse(to.TrimStart('+')[3..], CultureInfo.InvariantCulture);

    private static async Task RunOnceAsync(string[] args, FakeRateModel model)
    {
        var rate = LoadArguments.Number(args, "--rate", 80);
        var recipients = LoadArguments.Count(args, "--people", (int)(rate * 60));
        var openShare = LoadArguments.Number(args, "--open-window", 0.1);
        var people = LoadArguments.Count(args, "--chatters", 5);
        var think = TimeSpan.FromSeconds(LoadArguments.Number(args, "--think-seconds", 10));
        var sendRate = LoadArguments.Number(args, "--send-rate", rate);
        var folder = BroadcastRun.NewFolder();
        await using var fake = await FakeGraphApiServer.StartAsync(TimeProvider.System);
        fake.MessagesPerSecond = (int)rate;
        fake.RateModel = model;
        fake.ApprovedTemplates.Add(Template);
        var settings = BroadcastRun.Settings(folder);
        settings.AddRange([
            "--WhatsApp:AccessToken", fake.AccessToken, "--WhatsApp:PhoneNumberId", fake.PhoneNumberId,
            "--WhatsApp:AppSecret", fake.AppSecret, "--WhatsApp:VerifyToken", "bench-verify-token",
            "--WhatsApp:ApiBaseUrl", fake.ApiBaseUrl, "--WhatsApp:Templates:Reminder:Name", Template,
            "--WhatsApp:MessagesPerSecond", sendRate.ToString(CultureInfo.InvariantCulture),
        ]);
        if (Array.IndexOf(args, "--parallel") is var at and >= 0)
        {
            settings.AddRange(["--Outbox:MaxParallelSendsPerChannel:whatsapp", args[at + 1]]);
        }

        var app = ServiceHost.Build([.. settings]);
        try
        {
            // Every tenth (by default) wrote an hour ago; the others three days ago, so only a template reaches them.
            var openEvery = openShare > 0 ? (int)Math.Round(1 / openShare) : int.MaxValue;
            var now = DateTimeOffset.UtcNow;
            DateTimeOffset LastInbound(int i) => i % openEvery == 0 ? now.AddHours(-1) : now.AddDays(-3);
            BroadcastRun.Seed(app.Services, WhatsAppWebhookMapper.Channel, recipients, i => WaId(BroadcastRun.RecipientBase + i), LastInbound);
            for (var i = 0; i < recipients; i += openEvery)
            {
                fake.RecordInbound(WaId(BroadcastRun.RecipientBase + i), LastInbound(i));
            }

            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var webhook = new Uri(address.TrimEnd('/') + WhatsAppWebhookEndpoints.Path);
            var inbound = 0;
            var chatters = new BroadcastChatters(async (person, text) =>
            {
                var payload = WebhookPayloads.Messages(WebhookPayloads.Text(WaId(person),
                    "wamid.BENCH" + Interlocked.Increment(ref inbound).ToString(CultureInfo.InvariantCulture), text, DateTimeOffset.UtcNow));
                using var response = await fake.PostWebhookAsync(webhook, payload);
                response.EnsureSuccessStatusCode();
            }, BroadcastRun.ChatterBase, people, think);
            var tally = new BroadcastTally(recipients);
            fake.Delivered = payload =>
            {
                var stamp = Stopwatch.GetTimestamp();
                var id = IdOf((string)payload["to"]!);
                if (id < BroadcastRun.RecipientBase)
                {
                    chatters.Replied(id, stamp);
                }

                tally.Accepted(id >= BroadcastRun.RecipientBase, stamp);
            };
            var header = FormattableString.Invariant(
                $"whatsapp broadcast: {{recipients}} recipients, the window open for {openShare:P0} (the rest get template {Template}); the fake allows {BroadcastRun.Describe(model, rate)}; the bot paces at {sendRate}/s");
            header += Environment.NewLine + BroadcastRun.ChattersLine(people, think, " by webhook");
            var (count, enqueued, done) = await BroadcastRun.RunAsync(app, chatters, tally, header);
            BroadcastRun.Report(tally, count, rate, enqueued, done, string.Create(CultureInfo.InvariantCulture,
                $"130429 answers: {fake.ThroughputRefusals}; fewest places left in the fake's limit before a send: {fake.ThroughputHeadroom:F2} (< 1 is a 130429); templates {fake.Sent.Count(p => (string?)p["type"] == "template")}, other messages {fake.Sent.Count(p => (string?)p["type"] != "template")}"), chatters);
        }
        finally
        {
            await BroadcastRun.StopAsync(app, folder);
        }
    }
}
