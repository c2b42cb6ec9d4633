using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Operations;
using OvopBot.Outbox;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Handoffs;

/// <summary>
/// A person to ask. A village head's message (PENDAMPING, or a voice note where text was expected) is stored and
/// forwarded, with their name, village and current question, to the facilitators whose scope covers the village —
/// to the admins when no facilitator does or the village is not known yet. Staff answer with BALAS id text, or with
/// the app's "Reply" to the forwarded message (<see cref="HandoffReplies"/>); the answer reaches the person. A question
/// nobody answered within <see cref="HandoffOptions.AnswerWithin"/> is reported once, to the person and to the admins. Every message goes through the outbox in the caller's transaction, so it is in
/// the conversation export and a crash neither loses nor repeats it.
/// </summary>
public sealed class HandoffService(SqliteDatabase database, FlowCatalog flows, IOptions<ConversationOptions> conversation,
    IOptions<HandoffOptions> options, TimeProvider time, ILogger<HandoffService> logger)
{
    private readonly LoopRowGuard _rows = new(logger, "Unanswered question");

    /// <summary>The person's text as forwarded is cut here so the staff message stays within a basic phone's screen.</summary>
    public const int MaxForwardedText = 220;

    /// <summary>The longest answer staff may send in one BALAS (the person's screen).</summary>
    public const int MaxAnswerLength = 400;

    private FlowDefinition Flow => flows[conversation.Value.Flow];

    /// <summary>Stores and forwards a request; returns the channels that got messages (to wake their senders).</summary>
    public IReadOnlyCollection<string> Forward(WriteTransaction write, long contactId, SessionState state, HandoffRequested request,
        long inboundId, DateTimeOffset now)
    {
        var village = state.Answers.GetValueOrDefault("village");
        var villageCode = village?["code"]?.ToString();
        if (HandoffStore.Insert(write, contactId, villageCode, request.NodeId, request.Text, request.MediaPath, inboundId, now) is not { } id)
        {
            return [];
        }

        var recipients = Recipients(write.Connection, write.Transaction, villageCode, facilitatorsFirst: true);
        var name = state.Answers.GetValueOrDefault("respondent.name")?.ToString()
                   ?? write.Connection.ExecuteScalar<string?>("SELECT display_name FROM contacts WHERE id = @contactId", new { contactId }, write.Transaction)
                   ?? "-";
        foreach (var staff in recipients)
        {
            var language = Flow.LanguageOrDefault(staff.Language);
            var text = request.MediaPath is null && request.MediaRef is null
                ? Shorten(request.Text ?? "")
                : Flow.Text("staff_handoff_voice", language);
            var message = new OutboundMessage
            {
                Text = Flow.Text("staff_handoff", language, new Dictionary<string, string>
                {
                    ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["name"] = Shorten(name, 60),
                    ["village"] = Shorten(village?["display"]?.ToString() ?? village?["name"]?.ToString() ?? Flow.Text("staff_handoff_no_village", language), 90),
                    ["question"] = Question(request.NodeId, language),
                    ["text"] = text,
                }),
                DocumentPath = request.MediaPath,
            };
            // Once sent, a reply to this message (the app's "Reply") answers the question (HandoffReplies).
            if (OutboxStore.Enqueue(write, staff.ContactId, staff.Channel, staff.Address, OutboundKind.Reply, message, now) is { } outboundId)
            {
                HandoffStore.RecordForward(write, outboundId, id);
            }
        }

        return recipients.Select(r => r.Channel).ToHashSet();
    }

    /// <summary>The question, if staff member <paramref name="staffContactId"/> may answer it (it is in their scope, or they are an admin).</summary>
    public async Task<Handoff?> FindForStaffAsync(long id, long staffContactId, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        if (HandoffStore.Find(connection, id) is not { } handoff)
        {
            return null;
        }

        var isAdmin = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM staff_roles WHERE contact_id = @staffContactId AND role = 'admin'", new { staffContactId },
            cancellationToken: cancellationToken)) > 0;
        var inScope = handoff.VillageCode is { } code && scopes.Any(scope => RegionCode.IsWithin(code, scope));
        return isAdmin || inScope ? handoff : null;
    }

    /// <summary>Sends a staff answer to the person who asked; returns the person's channel, or null when the question is gone.</summary>
    public string? Answer(WriteTransaction write, long staffContactId, HandoffAnswer answer, DateTimeOffset now)
    {
        if (HandoffStore.Find(write.Connection, answer.HandoffId, write.Transaction) is not { } handoff ||
            Person(write.Connection, write.Transaction, handoff.ContactId) is not { } person)
        {
            return null;
        }

        var language = Flow.LanguageOrDefault(person.Language);
        OutboxStore.Enqueue(write, person.ContactId, person.Channel, person.Address, OutboundKind.Reply,
            new OutboundMessage { Text = Flow.Text("handoff_answer", language, new Dictionary<string, string> { ["text"] = answer.Text }) }, now);
        HandoffStore.MarkAnswered(write, handoff.Id, staffContactId, now);
        return person.Channel;
    }

    /// <summary>
    /// Tells the person and the admins, once, about every question nobody answered in time; returns the channels that
    /// got messages. Each question is reported in its own transaction, so one that cannot be reported (a damaged row)
    /// never keeps the others from theirs: after <see cref="LoopRowGuard.MaxAttempts"/> checks it is marked timed out
    /// without messages, with an Error log.
    /// </summary>
    public async Task<IReadOnlyCollection<string>> ReportUnansweredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var channels = new HashSet<string>();
        IReadOnlyList<long> ids;
        await using (var connection = database.Open())
        {
            ids = HandoffStore.UnansweredIds(connection, now - options.Value.AnswerWithin);
        }

        foreach (var id in ids)
        {
            await _rows.RunAsync($"#{id}", async () =>
            {
                using var write = await database.BeginWriteAsync(cancellationToken);
                if (HandoffStore.Find(write.Connection, id, write.Transaction) is { } handoff)
                {
                    channels.UnionWith(ReportUnanswered(write, handoff, now));
                }

                HandoffStore.MarkTimedOut(write, id, now);
                write.Commit();
            }, async _ =>
            {
                using var write = await database.BeginWriteAsync(cancellationToken);
                HandoffStore.MarkTimedOut(write, id, now);
                write.Commit();
            }, cancellationToken);
        }

        return channels;
    }

    private HashSet<string> ReportUnanswered(WriteTransaction write, Handoff handoff, DateTimeOffset now)
    {
        var channels = new HashSet<string>();
        if (Person(write.Connection, write.Transaction, handoff.ContactId) is { } person)
        {
            OutboxStore.Enqueue(write, person.ContactId, person.Channel, person.Address, OutboundKind.Reply,
                new OutboundMessage { Text = Flow.Text("handoff_timeout", Flow.LanguageOrDefault(person.Language)) }, now);
            channels.Add(person.Channel);
        }

        foreach (var admin in Recipients(write.Connection, write.Transaction, handoff.VillageCode, facilitatorsFirst: false))
        {
            var language = Flow.LanguageOrDefault(admin.Language);
            OutboxStore.Enqueue(write, admin.ContactId, admin.Channel, admin.Address, OutboundKind.Reply, new OutboundMessage
            {
                Text = Flow.Text("staff_handoff_timeout", language, new Dictionary<string, string>
                {
                    ["id"] = handoff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["text"] = Shorten(handoff.Text ?? Flow.Text("staff_handoff_voice", language)),
                }),
            }, now);
            channels.Add(admin.Channel);
        }

        return channels;
    }

    /// <summary>Facilitators covering the village (when asked), else admins covering it, else every admin.</summary>
    private static IReadOnlyList<HandoffRecipient> Recipients(SqliteConnection connection, SqliteTransaction? transaction,
        string? villageCode, bool facilitatorsFirst)
    {
        if (facilitatorsFirst && villageCode is not null && HandoffStore.Staff(connection, transaction, "facilitator", villageCode) is { Count: > 0 } facilitators)
        {
            return facilitators;
        }

        var admins = villageCode is null ? [] : HandoffStore.Staff(connection, transaction, "admin", villageCode);
        return admins.Count > 0 ? admins : HandoffStore.Staff(connection, transaction, "admin", null);
    }

    private static HandoffRecipient? Person(SqliteConnection connection, SqliteTransaction? transaction, long contactId) =>
        connection.QuerySingleOrDefault<HandoffRecipient>(
            "SELECT id AS ContactId, channel AS Channel, address AS Address, language AS Language FROM contacts WHERE id = @contactId",
            new { contactId }, transaction);

    private string Question(string? nodeId, string language) =>
        nodeId is not null && Flow.TryGetNode(nodeId, out var node)
            ? Shorten(node.Label?.Get(language) ?? node.Text.Get(language), 80)
            : "-";

    private static string Shorten(string text, int max = MaxForwardedText) =>
        text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
