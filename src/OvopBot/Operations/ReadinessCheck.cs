using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Telegram;
using OvopBot.Channels.WhatsApp;
using OvopBot.Storage;

namespace OvopBot.Operations;

/// <summary>One line of the readiness report.</summary>
public sealed record HealthEntry(string Name, bool Healthy, string Detail);

/// <summary>
/// <c>GET /healthz/ready</c>: is the service doing its job? The database takes a write, the oldest reply waiting
/// in the outbox is young enough, Telegram polling succeeded recently, webhooks arrive, the disk has room. Each
/// check says what it saw; the thresholds are the <c>Health</c> settings. (<c>/healthz</c> stays the liveness probe.)
/// </summary>
public sealed class ReadinessCheck(SqliteDatabase database, ChannelActivity activity, IOptions<HealthOptions> options,
    IConfiguration configuration, TimeProvider time)
{
    public const string ProbeKey = "health:last_write";

    public async Task<IReadOnlyList<HealthEntry>> RunAsync(CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var now = time.GetUtcNow();
        List<HealthEntry> entries = [await ProbeDatabaseAsync(database, limits.DatabaseTimeout, now, cancellationToken), Outbox(limits, now)];
        if (!string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"]))
        {
            entries.Add(IsTelegramWebhook(configuration)
                ? Webhook(TelegramUpdateMapper.ChannelName, limits, now)
                : Age("telegram_polling", "last successful poll", activity.LastPoll(TelegramUpdateMapper.ChannelName), limits.MaxTelegramPollAge, now));
        }

        if (!string.IsNullOrWhiteSpace(configuration["WhatsApp:AccessToken"]))
        {
            entries.Add(Webhook(WhatsAppWebhookMapper.Channel, limits, now));
        }

        entries.Add(Disk(database.Path, limits.MinFreeDiskMegabytes));
        return entries;
    }

    internal static bool IsTelegramWebhook(IConfiguration configuration) =>
        string.Equals(configuration["Telegram:Mode"], "Webhook", StringComparison.OrdinalIgnoreCase);

    /// <summary>A real committed write (one row of channel_state), within the timeout: a full disk or a stuck writer shows here.</summary>
    internal static async Task<HealthEntry> ProbeDatabaseAsync(SqliteDatabase database, TimeSpan timeout, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var write = await database.BeginWriteAsync(limit.Token);
            await write.Connection.ExecuteAsync(
                "INSERT INTO channel_state (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                new { key = ProbeKey, value = DbTime.Write(now) }, write.Transaction);
            write.Commit();
            return new HealthEntry("database", true, $"writable ({database.Path})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthEntry("database", false, $"no write possible within {Show(timeout)} (another write holds the lock)");
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return new HealthEntry("database", false, $"not writable ({database.Path}): {e.Message}");
        }
    }

    /// <summary>The oldest pending reply (replies go before broadcasts, so a long broadcast does not count as lag).</summary>
    private HealthEntry Outbox(HealthOptions limits, DateTimeOffset now)
    {
        using var connection = database.Open();
        var created = connection.ExecuteScalar<string?>("""
            SELECT created_at FROM outbound_messages
            WHERE id = (SELECT min(id) FROM outbound_messages WHERE status = 'pending' AND kind = 0)
            """);
        if (created is null)
        {
            return new HealthEntry("outbox", true, "no reply waiting");
        }

        var lag = now - DbTime.Read(created);
        return new HealthEntry("outbox", lag <= limits.MaxOutboxLag,
            $"oldest waiting reply {Show(lag)} old (limit {Show(limits.MaxOutboxLag)})");
    }

    private HealthEntry Webhook(string channel, HealthOptions limits, DateTimeOffset now)
    {
        var name = channel + "_webhook";
        if (limits.MaxWebhookSilence is { } limit)
        {
            return Age(name, "last webhook", activity.LastWebhook(channel), limit, now);
        }

        return new HealthEntry(name, true, activity.LastWebhook(channel) is { } at
            ? $"last webhook {Show(now - at)} ago (not checked: Health:MaxWebhookSilence is not set)"
            : "no webhook since start (not checked: Health:MaxWebhookSilence is not set)");
    }

    /// <summary>How long since the last sign of life (or since start, when there was none), against the limit.</summary>
    private HealthEntry Age(string name, string what, DateTimeOffset? last, TimeSpan limit, DateTimeOffset now)
    {
        var age = now - (last ?? activity.StartedAt);
        var seen = last is null ? $"none since start {Show(age)} ago" : $"{what} {Show(age)} ago";
        return new HealthEntry(name, age <= limit, $"{seen} (limit {Show(limit)})");
    }

    internal static HealthEntry Disk(string path, long minFreeMegabytes)
    {
        var freeMegabytes = FreeMegabytes(path);
        return new HealthEntry("disk", freeMegabytes >= minFreeMegabytes,
            $"{freeMegabytes:N0} MB free where the database is (limit {minFreeMegabytes:N0} MB)");
    }

    /// <summary>Free space of the file system holding <paramref name="path"/> (the nearest existing folder above it).</summary>
    internal static long FreeMegabytes(string path)
    {
        var folder = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(path))!);
        while (!folder.Exists && folder.Parent is not null)
        {
            folder = folder.Parent;
        }

        return new DriveInfo(folder.FullName).AvailableFreeSpace / (1024 * 1024);
    }

    internal static string Show(TimeSpan span) => span switch
    {
        { TotalSeconds: < 120 } => $"{Math.Max(0, span.TotalSeconds):0} s",
        { TotalMinutes: < 120 } => $"{span.TotalMinutes:0} min",
        { TotalHours: < 48 } => $"{span.TotalHours:0.#} h",
        _ => $"{span.TotalDays:0.#} days",
    };
}
