using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Flows.Loading;
using OvopBot.Operations;
using OvopBot.Storage;

namespace OvopBot.Broadcasts;

/// <summary>
/// Pushes the final report to the author of a chat broadcast once nothing of it is pending any more, and marks
/// every settled broadcast finished. It polls every <see cref="CheckEvery"/> rather than listening to the sender:
/// one cheap indexed query, no coupling to the outbox dispatcher, and after a crash or restart the first check
/// catches up on whatever settled meanwhile (<see cref="BroadcastFinisher"/> makes it happen once).
/// </summary>
public sealed class BroadcastReportService(BroadcastFinisher finisher, FlowCatalog flows, IOptions<ConversationOptions> options,
    Signals signals, TimeProvider time, ILogger<BroadcastReportService> logger) : BackgroundService
{
    /// <summary>How often settled broadcasts are looked for: the report comes at most this late.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    /// <summary>The report quotes the start of the broadcast's text, so the author knows which one it is.</summary>
    public const int QuoteLength = 40;

    /// <summary>The flow text of the report.</summary>
    public const string TextKey = "staff_broadcast_report";

    private readonly LoopRowGuard _rows = new(logger, "Broadcast");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FinishSettledAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Finishing broadcasts failed; trying again at the next check");
            }

            await Task.Delay(CheckEvery, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Finishes every settled broadcast, enqueuing the reports; returns how many finished.</summary>
    public async Task<int> FinishSettledAsync(CancellationToken cancellationToken)
    {
        var finished = 0;
        foreach (var id in await finisher.SettledAsync(cancellationToken))
        {
            var (done, channel) = (false, (string?)null);
            // A broadcast whose report cannot be made never keeps the others from finishing; it finishes without one.
            await _rows.RunAsync(id.ToString(CultureInfo.InvariantCulture),
                async () => (done, channel) = await finisher.FinishAsync(id, time.GetUtcNow(), Compose, cancellationToken),
                async _ => done = (await finisher.FinishAsync(id, time.GetUtcNow(), null, cancellationToken)).Finished, cancellationToken);
            if (!done)
            {
                continue;
            }

            finished++;
            logger.LogInformation("Broadcast {Id} finished{Report}", id, channel is null ? "" : "; report enqueued for its author");
            if (channel is not null)
            {
                signals.Outbox(channel).Notify();
            }
        }

        return finished;
    }

    private OutboundMessage? Compose(BroadcastReport report)
    {
        if (!flows.TryGet(options.Value.StaffFlow, out var flow) || !flow.Texts.ContainsKey(TextKey))
        {
            // Only a flow with staff commands lets anyone broadcast from the chat, and it must have this text; a
            // flow changed since has no words for the report, and inventing them here is not ours to do.
            logger.LogWarning("Staff flow {Flow} has no text {Key}; broadcast {Id} finished without a report", options.Value.StaffFlow, TextKey,
                report.Progress.Id);
            return null;
        }

        var language = flow.LanguageOrDefault(report.Language);
        var p = report.Progress;
        var values = new Dictionary<string, string>
        {
            ["text"] = Quote(report.Text),
            ["sent"] = p.Sent.ToString(CultureInfo.InvariantCulture),
            ["total"] = p.Total.ToString(CultureInfo.InvariantCulture),
            ["failed"] = p.Failed.ToString(CultureInfo.InvariantCulture),
            ["cancelled"] = p.Cancelled.ToString(CultureInfo.InvariantCulture),
        };
        return new OutboundMessage { Text = flow.Text(TextKey, language, values) };
    }

    /// <summary>The text's first line up to <see cref="QuoteLength"/> characters, cut between words, with "…" when cut.</summary>
    internal static string Quote(string text)
    {
        var whole = text.Trim();
        var line = whole.Split('\n')[0].Trim();
        if (line.Length <= QuoteLength)
        {
            return line.Length == whole.Length ? line : line.TrimEnd(' ', ',', '.', ';', ':') + "…";
        }

        // One character more, so a word ending exactly at the limit is kept whole.
        var space = line[..(QuoteLength + 1)].LastIndexOf(' ');
        var cut = space > QuoteLength / 2 ? line[..space] : line[..QuoteLength];
        return cut.TrimEnd(' ', ',', '.', ';', ':') + "…";
    }
}
