using System.Diagnostics.Metrics;

namespace OvopBot.Operations;

/// <summary>
/// The in-process measurements (exported at <c>/metrics</c>): what happens once and is gone unless counted here.
/// Everything the database already knows (outbox rows, broadcasts, reminders) is read from it instead, by
/// <see cref="StoreGauges"/>. The channel is a label, so a new channel (SMS…) is counted without a change here.
/// </summary>
public static class OvopMetrics
{
    public const string MeterName = "OvopBot";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> MessagesIn = Meter.CreateCounter<long>("ovopbot.messages.in", "{message}",
        "Inbound messages stepped through the conversation, by channel");

    private static readonly Histogram<double> StepDuration = Meter.CreateHistogram("ovopbot.conversation.step.duration", "s",
        "Time to step one inbound message and commit its effects, by channel",
        advice: new InstrumentAdvice<double>
        {
            // The step takes about a millisecond (see the README's Speed table); the top buckets show a stalled disk.
            HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        });

    private static readonly Counter<long> RateLimitAnswers = Meter.CreateCounter<long>("ovopbot.platform.rate_limited", "{answer}",
        "Rate-limit answers from the platforms (Telegram 429, WhatsApp 130429 and friends), by channel and code");

    private static readonly Counter<long> WebhooksRefused = Meter.CreateCounter<long>("ovopbot.webhooks.refused", "{request}",
        "Webhook requests answered with an HTTP error (bad signature, malformed, too large…), by channel and status");

    private static readonly Counter<long> Backups = Meter.CreateCounter<long>("ovopbot.backups", "{backup}",
        "Scheduled database backups, by outcome (ok, failed)");

    /// <summary>A person's message went through the conversation step.</summary>
    public static void MessageStepped(string channel, TimeSpan took)
    {
        var tag = new KeyValuePair<string, object?>("channel", channel);
        MessagesIn.Add(1, tag);
        StepDuration.Record(took.TotalSeconds, tag);
    }

    /// <summary>The platform said "too many requests" (<paramref name="code"/> is its own error code).</summary>
    public static void RateLimited(string channel, int code) => RateLimitAnswers.Add(1,
        new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("code", code));

    public static void WebhookRefused(string channel, int status) => WebhooksRefused.Add(1,
        new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("status", status));

    public static void Backup(bool succeeded) =>
        Backups.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "failed"));
}
