using System.Diagnostics.Metrics;
using Dapper;
using OvopBot.Channels.Abstractions;
using OvopBot.Storage;

namespace OvopBot.Operations;

/// <summary>
/// Measurements read from the database when <c>/metrics</c> is scraped: outbox rows by channel, kind and status, the
/// age of the oldest pending row, unprocessed inbound messages, dead letters by channel, broadcasts in progress and their progress, reminders
/// sent. The database is the truth (it survives restarts); each query runs on an index (migration 014 adds the one
/// for outbox statuses), and one snapshot serves every instrument of a scrape.
/// </summary>
public sealed class StoreGauges : IDisposable
{
    public const string MeterName = "OvopBot.Store";

    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly Meter _meter;
    private readonly Lock _gate = new();
    private (DateTimeOffset At, StoreSnapshot Snapshot)? _cached;

    public StoreGauges(SqliteDatabase database, TimeProvider time, IMeterFactory meters)
    {
        _database = database;
        _time = time;
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("ovopbot.outbox.rows", () => Read().OutboxRows, "{message}",
            "Outbox rows by channel, kind (reply, reminder, broadcast) and status (pending, sent, delivered, read, failed, held, cancelled)");
        _meter.CreateObservableGauge("ovopbot.outbox.oldest_pending.age", () => Read().OldestPendingAge, "s",
            "Age of the oldest row still waiting to be sent, by channel (0 when none waits)");
        _meter.CreateObservableGauge("ovopbot.inbound.unprocessed", () => Read().UnprocessedInbound, "{message}",
            "Inbound messages stored but not yet stepped through the conversation");
        _meter.CreateObservableGauge("ovopbot.inbound.failed", () => Read().DeadLetters, "{message}",
            "Dead letters: inbound messages whose step kept failing, by channel (listed by `messages failed`)");
        _meter.CreateObservableGauge("ovopbot.broadcasts.in_progress", () => Read().BroadcastsInProgress, "{broadcast}",
            "Broadcasts confirmed and not yet finished");
        _meter.CreateObservableGauge("ovopbot.broadcast.messages", () => Read().BroadcastMessages, "{message}",
            "Messages of each broadcast in progress, by broadcast id and status");
        _meter.CreateObservableCounter("ovopbot.reminders.sent", () => Read().RemindersSent, "{reminder}",
            "Reminders enqueued, by number (1st, 2nd)");
    }

    /// <summary>The current snapshot, queried again when the last one is older than two seconds.</summary>
    public StoreSnapshot Read()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_cached is { } cached && now - cached.At < Freshness)
            {
                return cached.Snapshot;
            }

            var snapshot = Query(now);
            _cached = (now, snapshot);
            return snapshot;
        }
    }

    private StoreSnapshot Query(DateTimeOffset now)
    {
        using var connection = _database.Open();
        var rows = connection.Query<(string Channel, long Kind, string Status, long Count)>(
            "SELECT channel, kind, status, count(*) FROM outbound_messages GROUP BY channel, kind, status").ToList();
        // min(id) reads only the partial index of pending rows; ids grow with creation time.
        var oldest = connection.Query<(string Channel, string CreatedAt)>("""
            SELECT o.channel, o.created_at
            FROM (SELECT channel, min(id) AS id FROM outbound_messages WHERE status = 'pending' GROUP BY channel) m
            JOIN outbound_messages o ON o.id = m.id
            """).ToDictionary(r => r.Channel, r => DbTime.Read(r.CreatedAt));
        var unprocessed = connection.ExecuteScalar<long>("SELECT count(*) FROM inbound_messages WHERE processed_at IS NULL");
        var deadLetters = connection.Query<(string Channel, long Count)>(
            "SELECT channel, count(*) FROM inbound_messages WHERE failed_at IS NOT NULL GROUP BY channel");
        var broadcasts = connection.ExecuteScalar<long>("SELECT count(*) FROM broadcasts WHERE status IN ('enqueuing', 'queued')");
        var progress = connection.Query<(long Id, string Status, long Count)>("""
            SELECT b.id, o.status, count(*)
            FROM broadcasts b JOIN outbound_messages o ON o.broadcast_id = b.id
            WHERE b.status IN ('enqueuing', 'queued')
            GROUP BY b.id, o.status
            """);
        var reminders = connection.Query<(long Number, long Count)>("SELECT number, count(*) FROM reminders_sent WHERE error IS NULL GROUP BY number");

        return new StoreSnapshot(
            rows.Select(r => Measure(r.Count, ("channel", r.Channel), ("kind", KindName(r.Kind)), ("status", r.Status))).ToList(),
            rows.Select(r => r.Channel).Distinct(StringComparer.Ordinal).Select(channel => Measure(
                oldest.TryGetValue(channel, out var created) ? Math.Max(0, (now - created).TotalSeconds) : 0.0,
                ("channel", channel))).ToList(),
            [new Measurement<long>(unprocessed)],
            deadLetters.Select(d => Measure(d.Count, ("channel", d.Channel))).ToList(),
            [new Measurement<long>(broadcasts)],
            progress.Select(p => Measure(p.Count, ("broadcast", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("status", p.Status))).ToList(),
            reminders.Select(r => Measure(r.Count, ("number", r.Number))).ToList());
    }

    private static string KindName(long kind) =>
        Enum.IsDefined((OutboundKind)kind) ? ((OutboundKind)kind).ToString().ToLowerInvariant() : kind.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Measurement<T> Measure<T>(T value, params (string Key, object? Value)[] tags) where T : struct =>
        new(value, tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value)));

    public void Dispose() => _meter.Dispose();
}

/// <summary>One scrape's worth of what the database says.</summary>
public sealed record StoreSnapshot(
    IReadOnlyList<Measurement<long>> OutboxRows,
    IReadOnlyList<Measurement<double>> OldestPendingAge,
    IReadOnlyList<Measurement<long>> UnprocessedInbound,
    IReadOnlyList<Measurement<long>> DeadLetters,
    IReadOnlyList<Measurement<long>> BroadcastsInProgress,
    IReadOnlyList<Measurement<long>> BroadcastMessages,
    IReadOnlyList<Measurement<long>> RemindersSent);
