using Dapper;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Outbox;
using OvopBot.Storage;

namespace OvopBot.Records;

/// <summary>
/// Tells a person something that happened outside their own conversation (a change was proposed to their record, a
/// facilitator decided, a fix is asked): the flow's text in the person's language, queued in the caller's transaction.
/// </summary>
public static class PersonNotice
{
    /// <summary>Queues the text for the contact; returns its channel (to wake the sender), or null for an erased person.</summary>
    public static string? Send(WriteTransaction write, FlowDefinition flow, long contactId, string key, IReadOnlyDictionary<string, string> values,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(flow);
        var to = Recipient(write, contactId);
        if (to is null)
        {
            return null;
        }

        var text = flow.Text(key, flow.LanguageOrDefault(to.Value.Language), values);
        OutboxStore.Enqueue(write, contactId, to.Value.Channel, to.Value.Address, OutboundKind.Reply, new OutboundMessage { Text = text }, now);
        return to.Value.Channel;
    }

    /// <summary>Queues ready-made messages (a question the engine rendered) for the contact; returns the channel.</summary>
    public static string? Send(WriteTransaction write, long contactId, IEnumerable<OutboundMessage> messages, DateTimeOffset now, string? nodeId = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(messages);
        if (Recipient(write, contactId) is not { } to)
        {
            return null;
        }

        foreach (var message in messages)
        {
            OutboxStore.Enqueue(write, contactId, to.Channel, to.Address, OutboundKind.Reply, message, now, nodeId: nodeId);
        }

        return to.Channel;
    }

    /// <summary>The person's language, or the flow's default.</summary>
    public static string Language(WriteTransaction write, FlowDefinition flow, long contactId) =>
        flow.LanguageOrDefault(Recipient(write, contactId)?.Language);

    private static (string Channel, string Address, string? Language)? Recipient(WriteTransaction write, long contactId) =>
        write.Connection.QuerySingleOrDefault<(string Channel, string Address, string? Language)?>(
            "SELECT channel, address, language FROM contacts WHERE id = @contactId AND erased_at IS NULL",
            new { contactId }, write.Transaction);
}
