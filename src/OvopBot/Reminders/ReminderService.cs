using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Channels;
using OvopBot.Outbox;
using OvopBot.People;
using OvopBot.Storage;

namespace OvopBot.Reminders;

/// <summary>
/// Nudges people who started and did not finish: reminder n goes out when the person has been silent for
/// <c>Reminders:After[n]</c> since their last message, only during the day in WITA, never to someone who finished,
/// opted out or cannot be reached. Each reminder is logged with the idle period it belongs to, in the same
/// transaction as its outbox row, so a restart never repeats one and a new answer starts a new count.
/// </summary>
public sealed class ReminderService(SqliteDatabase database, FlowCatalog flows, IOptions<ConversationOptions> conversation,
    IOptions<ReminderOptions> options, Signals signals, TimeProvider time, ILogger<ReminderService> logger) : BackgroundService
{
    private static readonly string LastUsed = string.Format(System.Globalization.CultureInfo.InvariantCulture,
        PersonLinks.LastUsedContactSql, "c");
    /// <summary>The channels' own reminder limits (<see cref="IChannelModule.RemindersPerPause"/>: SMS only once), as SQL.</summary>
    private static readonly string ChannelLimits = string.Join(" AND ", ChannelModules.All.Where(m => m.RemindersPerPause is not null)
        .Select(m => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"(l.channel <> '{m.Name}' OR @number <= {m.RemindersPerPause})"))
        .DefaultIfEmpty("1 = 1"));

    private readonly TimeZoneInfo _zone = FindZone(options.Value.TimeZone);
    private readonly Operations.LoopRowGuard _rows = new(logger, "Reminder for contact");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending reminders failed; trying again at the next check");
            }

            await Task.Delay(options.Value.CheckEvery, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Since when a person is idle: their last message, or, when a facilitator asked them to fix their record after
    /// that, the time of the request (a pending fix is reminded from when it was asked, not from the old submit).
    /// </summary>
    private const string IdleSince =
        "max(l.last_inbound_at, coalesce((SELECT f.reviewed_at FROM submissions f WHERE f.id = s.submission_id AND f.review_state = 'needs_fixing'), ''))";

    /// <summary>Enqueues every reminder due now; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        if (local.Hour < options.Value.FromHour || local.Hour >= options.Value.UntilHour)
        {
            return 0; // people are asleep; the first check in the morning sends what fell due overnight
        }

        var schedule = options.Value.Schedule;
        List<(long ContactId, string IdleSince)> candidates;
        await using (var connection = database.Open())
        {
            candidates = (await connection.QueryAsync<(long, string)>(new CommandDefinition(
                $"""
                SELECT contact_id, idle_since FROM (
                    SELECT s.contact_id, {IdleSince} AS idle_since FROM sessions s JOIN contacts c ON c.id = s.contact_id
                    JOIN contacts l ON l.id = {LastUsed}
                    WHERE s.status = 'Active' AND l.opted_out = 0 AND l.reachable = 1 AND l.last_inbound_at IS NOT NULL) d
                WHERE idle_since <= @earliest AND NOT EXISTS (SELECT 1 FROM reminders_sent r
                    WHERE r.contact_id = d.contact_id AND r.idle_since = d.idle_since AND r.error IS NOT NULL)
                """,
                new { earliest = DbTime.Write(now - schedule[0]) }, cancellationToken: cancellationToken))).ToList();
        }

        var sent = 0;
        var channels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (contactId, idleSince) in candidates)
        {
            var number = schedule.Count(after => DbTime.Read(idleSince) + after <= now);
            string? channel = null;
            // One person whose reminder cannot be made (unreadable session, question gone from the flow) never stops the others.
            await _rows.RunAsync(contactId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                async () => channel = await TrySendAsync(contactId, idleSince, number, now, cancellationToken),
                e => ReminderSkips.RecordAsync(database, contactId, idleSince, number, e, now, cancellationToken), cancellationToken);
            if (channel is not null)
            {
                sent++;
                channels.Add(channel);
            }
        }

        foreach (var channel in channels)
        {
            signals.Outbox(channel).Notify();
        }

        return sent;
    }

    private async Task<string?> TrySendAsync(long contactId, string idleSince, int number, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        var p = new { contactId, idleSince, number };
        // Checked again inside the transaction: the person may have answered, finished or opted out meanwhile.
        // The person is reminded on the channel they wrote from last, within that channel's own limit (SMS: once).
        var contact = await write.Connection.QuerySingleOrDefaultAsync<(long Id, string Channel, string Address)?>(new CommandDefinition(
            $"""
            SELECT l.id, l.channel, l.address FROM contacts c JOIN sessions s ON s.contact_id = c.id
            JOIN contacts l ON l.id = {LastUsed}
            WHERE c.id = @contactId AND {IdleSince} = @idleSince AND s.status = 'Active' AND l.opted_out = 0 AND l.reachable = 1
              AND {ChannelLimits}
              AND NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.contact_id = @contactId AND r.idle_since = @idleSince AND r.number >= @number)
            """, p, write.Transaction, cancellationToken: cancellationToken));
        var (state, submissionId) = SessionStore.Load(write, contactId);
        if (contact is not { } to || state is null)
        {
            return null;
        }

        // The engine decides what the reminder says and how the session changes; this service only keeps time.
        // SMS reads the flow's short texts (sms:) where it gives them.
        var flow = flows.For(state.FlowId.Length > 0 ? state.FlowId : conversation.Value.Flow, to.Channel);
        var result = FlowEngine.Resume(flow, state, new TimerFired(TimerFired.Reminder), now);
        if (result.Replies.Count == 0)
        {
            return null;
        }

        foreach (var message in result.Replies)
        {
            OutboxStore.Enqueue(write, to.Id, to.Channel, to.Address, OutboundKind.Reminder, message, now, nodeId: state.NodeId);
        }

        await write.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO reminders_sent (contact_id, idle_since, number, sent_at) VALUES (@contactId, @idleSince, @number, @now)",
            new { contactId, idleSince, number, now = DbTime.Write(now) }, write.Transaction, cancellationToken: cancellationToken));
        SessionStore.Save(write, contactId, result.State, submissionId, now);
        write.Commit();
        return to.Channel;
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // WITA has no daylight saving; without tzdata a fixed UTC+8 is the same clock.
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
