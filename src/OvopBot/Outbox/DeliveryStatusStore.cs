using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using OvopBot.Channels.Abstractions;
using OvopBot.Storage;

namespace OvopBot.Outbox;

/// <summary>
/// Records platform delivery statuses on the outbound message they belong to (found by its platform message id),
/// all of one webhook in one transaction. A status never moves backwards (<see cref="DeliveryStatusOrder"/>), so
/// re-delivered and out-of-order webhooks are harmless. A failure acts like the same error at send time: 131026 marks
/// the person unreachable; outside the channel's customer-care window (<see cref="ICustomerWindow"/>) the message goes
/// again as the channel's template when it has one, else it is held. Nothing here knows a particular channel.
/// </summary>
public sealed class DeliveryStatusStore(SqliteDatabase database, Signals signals, IEnumerable<ICustomerWindow> windows,
    TimeProvider time, ILogger<DeliveryStatusStore> logger) : IDeliveryStatusSink
{
    public async Task RecordAsync(IReadOnlyList<DeliveryStatusUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return;
        }

        var requeued = new HashSet<string>(StringComparer.Ordinal);
        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            foreach (var update in updates)
            {
                if (Apply(write, update))
                {
                    requeued.Add(update.Channel);
                }
            }

            write.Commit();
        }

        foreach (var channel in requeued)
        {
            signals.Outbox(channel).Notify();
        }
    }

    /// <summary>Applies one status; returns true when it put a new row in the outbox.</summary>
    private bool Apply(WriteTransaction write, DeliveryStatusUpdate update)
    {
        var row = Find(write, update.Channel, update.PlatformMessageId);
        if (row is null)
        {
            // Sent by another tool on the same number, or older than this database: nothing of ours to update.
            logger.LogDebug("Status {Status} for unknown message {PlatformId} on {Channel} ignored",
                update.Status, update.PlatformMessageId, update.Channel);
            return false;
        }

        if (Current(row.Status) is not { } current || !DeliveryStatusOrder.ShouldReplace(current, update.Status))
        {
            return false;
        }

        var at = DbTime.Write(update.At);
        if (update.Status != DeliveryStatus.Failed)
        {
            SetStatus(write, row.Id, update.Status.ToString().ToLowerInvariant(), null, at);
            return false;
        }

        var error = $"{update.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} {update.ErrorTitle}"
            .TrimEnd();
        switch (update.FailureKind)
        {
            case SendFailureKind.Unreachable:
                logger.LogInformation("Contact {ContactId} on {Channel} is unreachable (status of outbox {Id}: {Error})",
                    row.ContactId, update.Channel, row.Id, error);
                SetStatus(write, row.Id, "failed", error, at);
                OutboxStore.MarkUnreachable(write, row.ContactId, row.Channel, error, at);
                return false;
            case SendFailureKind.OutsideWindow when row.RequeuedFrom is null && CanResendAsTemplate(update.Channel):
                SetStatus(write, row.Id, "failed", error, at);
                Requeue(write, row);
                return true;
            case SendFailureKind.OutsideWindow:
                logger.LogInformation("Outbox {Id} held: outside the 24-hour window and no template to send instead",
                    row.Id);
                SetStatus(write, row.Id, "held", error, at);
                return false;
            default:
                logger.LogWarning("Outbox {Id} on {Channel} failed after sending: {Error}", row.Id, update.Channel, error);
                SetStatus(write, row.Id, "failed", error, at);
                return false;
        }
    }

    private bool CanResendAsTemplate(string channel) => windows.Any(w => w.Channel == channel && w.CanResendAsTemplate);

    private static Row? Find(WriteTransaction write, string channel, string platformId)
    {
        const string Columns = "id, contact_id AS ContactId, channel, address, kind, status, payload_json AS Payload, " +
                               "node_id AS NodeId, requeued_from AS RequeuedFrom";
        var p = new { channel, platformId };
        return write.Connection.QueryFirstOrDefault<Row>(
                   $"SELECT {Columns} FROM outbound_messages WHERE platform_message_id = @platformId AND channel = @channel",
                   p, write.Transaction)
               // A message sent in parts stores "id1,id2"; the partial index keeps this to those few rows.
               ?? write.Connection.QueryFirstOrDefault<Row>(
                   $"SELECT {Columns} FROM outbound_messages WHERE instr(platform_message_id, ',') > 0 " +
                   "AND channel = @channel AND instr(',' || platform_message_id || ',', ',' || @platformId || ',') > 0",
                   p, write.Transaction);
    }

    /// <summary>The row's status for ordering; "held" is as final as "failed"; null for rows not (or no longer) sent.</summary>
    private static DeliveryStatus? Current(string status) =>
        status == "held" ? DeliveryStatus.Failed : DeliveryStatusOrder.Parse(status);

    private static void SetStatus(WriteTransaction write, long id, string status, string? error, string at) =>
        write.Connection.Execute(
            "UPDATE outbound_messages SET status = @status, status_at = @at, last_error = coalesce(@error, last_error) " +
            "WHERE id = @id",
            new { id, status, error, at }, write.Transaction);

    /// <summary>
    /// A new reminder row with the same words: the sender sends it free-form if the person has written since, else as
    /// the reminder template. Marked as a replacement so a second 131047 holds it instead of looping.
    /// </summary>
    private void Requeue(WriteTransaction write, Row row)
    {
        var message = JsonSerializer.Deserialize<OutboundMessage>(row.Payload, SessionStore.Json)!;
        var id = OutboxStore.Enqueue(write, row.ContactId, row.Channel, row.Address, OutboundKind.Reminder, message,
            time.GetUtcNow(), nodeId: row.NodeId);
        write.Connection.Execute("UPDATE outbound_messages SET requeued_from = @from WHERE id = @id",
            new { from = row.Id, id }, write.Transaction);
        logger.LogInformation("Outbox {Id} refused as outside the 24-hour window; queued again as {NewId} for the " +
            "reminder template", row.Id, id);
    }

    private sealed record Row(long Id, long ContactId, string Channel, string Address, long Kind, string Status,
        string Payload, string? NodeId, long? RequeuedFrom);
}
