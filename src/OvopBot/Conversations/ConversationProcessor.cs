using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using Dapper;
using OvopBot.ChatExports;
using OvopBot.Flows.Definition;
using OvopBot.Privacy;
using OvopBot.Records;
using OvopBot.Flows.Engine;
using OvopBot.Handoffs;
using OvopBot.Flows.Loading;
using OvopBot.Operations;
using OvopBot.Outbox;
using OvopBot.People;
using OvopBot.Roles;
using OvopBot.Staff;
using OvopBot.Storage;

namespace OvopBot.Conversations;

/// <summary>
/// Steps one stored inbound message through the engine and commits everything it caused in ONE transaction: the
/// new session state, the submission, the contact's flags, the replies in the outbox, and the message marked
/// processed. A crash before the commit leaves the message unprocessed (it is stepped again at restart); a crash
/// after it leaves nothing to redo.
/// </summary>
public sealed class ConversationProcessor(SqliteDatabase database, FlowCatalog flows, FlowEngine engine,
    IOptions<ConversationOptions> options, TimeProvider time, Signals signals, ChannelLinking linking, StaffDialogs dialogs, HandoffService handoffs,
    IOptions<ChatExportOptions> chatExports, ILogger<ConversationProcessor> logger, IStepFault? fault = null)
{
    /// <summary>Replies may contain this placeholder; it is filled with the submission's reference number.</summary>
    public const string ReferencePlaceholder = "{reference}";

    /// <summary>
    /// Accepts a message and steps it at once, in one transaction (console, tests); returns the replies it produced,
    /// none for a re-delivery.
    /// </summary>
    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        IReadOnlyList<OutboundMessage>? replies = null;
        IReadOnlyList<Func<CancellationToken, Task>> afterCommit = [];
        var started = Stopwatch.GetTimestamp();
        var others = new HashSet<string>(StringComparer.Ordinal);
        // Committed with the steps other callers make meanwhile, each all-or-nothing (Storage/GroupCommit).
        await database.InBatchAsync(async write =>
        {
            if (InboundStore.Insert(write, message) is { } stored)
            {
                (replies, afterCommit) = await StepAsync(write, stored, others, cancellationToken);
            }
        }, cancellationToken);
        if (replies is null)
        {
            return [];
        }

        await AfterCommitAsync(afterCommit, cancellationToken);
        Notify(message.Channel, replies, others);
        OvopMetrics.MessageStepped(message.Channel, Stopwatch.GetElapsedTime(started));
        return replies;
    }

    /// <summary>Steps a stored message unless it was already processed; returns the replies it produced.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> ProcessAsync(long inboundId, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboundMessage>? replies = null;
        IReadOnlyList<Func<CancellationToken, Task>> afterCommit = [];
        var channel = "";
        var started = Stopwatch.GetTimestamp();
        var others = new HashSet<string>(StringComparer.Ordinal);
        await database.InBatchAsync(async write =>
        {
            if (InboundQueries.ById(write.Connection, inboundId, write.Transaction) is { Processed: false } stored)
            {
                channel = stored.Message.Channel;
                (replies, afterCommit) = await StepAsync(write, stored, others, cancellationToken);
            }
        }, cancellationToken);
        if (replies is null)
        {
            return [];
        }

        await AfterCommitAsync(afterCommit, cancellationToken);
        Notify(channel, replies, others);
        OvopMetrics.MessageStepped(channel, Stopwatch.GetElapsedTime(started));
        return replies;
    }

    /// <summary>Work a step leaves for after its commit (enqueue a confirmed broadcast, wake the export worker).</summary>
    private static async Task AfterCommitAsync(IReadOnlyList<Func<CancellationToken, Task>> work, CancellationToken cancellationToken)
    {
        foreach (var item in work)
        {
            await item(cancellationToken);
        }
    }

    /// <param name="others">Channels of other people the step told something (a proposal's respondent, area staff).</param>
    private void Notify(string channel, IReadOnlyList<OutboundMessage> replies, HashSet<string> others)
    {
        if (replies.Count > 0)
        {
            signals.Outbox(channel).Notify();
        }

        foreach (var other in others.Where(o => o != ErasedMarker && (o != channel || replies.Count == 0)))
        {
            signals.Outbox(other).Notify();
        }

        if (others.Contains(ErasedMarker))
        {
            signals.Privacy.Notify();
        }
    }

    /// <summary>Put among the channels to wake when a step erased someone: the privacy worker finishes the erasure.</summary>
    private const string ErasedMarker = "(erased)";

    /// <summary>
    /// The router, inside the caller's transaction: who answers — (1) an invite code, (2) the person's open staff dialog
    /// and (3) a staff command of the staff flow, (4) the registration flow — then the events, outbox, session and
    /// processed mark.
    /// </summary>
    private async Task<(IReadOnlyList<OutboundMessage> Replies, IReadOnlyList<Func<CancellationToken, Task>> AfterCommit)> StepAsync(
        WriteTransaction write, StoredInbound stored, HashSet<string> others, CancellationToken cancellationToken)
    {
        fault?.Before(stored);
        var message = stored.Message;
        // SMS reads the flow's short texts (sms:) where it gives them; every other channel the full ones.
        var flow = flows.For(options.Value.Flow, message.Channel);
        var now = time.GetUtcNow();
        // Linking a channel on purpose (an OVOP- reference, then the code sent to the record's first channel) goes to
        // the linking dialog first; once linked, the owner's conversation goes on here (greeted back, as below).
        var link = await linking.StepAsync(write, stored, now, cancellationToken);
        // One person across channels: the session (and the village record) lives under the person's first contact.
        var person = PersonLinks.Root(write, stored.ContactId);
        var (loaded, submissionId) = SessionStore.Load(write, person);
        var state = loaded ?? new SessionState
        {
            FlowId = flow.Id,
            Language = ContactStore.Language(write, person) ?? ContactStore.Language(write, stored.ContactId) ?? flow.DefaultLanguage,
        };
        state = ResumeOnNewChannel(state, flow, write, stored, link.Resume);

        var answeredNode = state.NodeId;
        if (message.Kind is InboundKind.BlockedByUser or InboundKind.UnblockedByUser)
        {
            ContactStore.SetReachable(write, stored.ContactId, message.Kind == InboundKind.UnblockedByUser);
        }

        var afterCommit = link.AfterCommit;
        StepResult result;
        // An invite code has a fixed shape and is answered before anything else, so a code sent in the middle of a
        // registration or a staff dialog neither counts as an answer nor moves the conversation.
        if (link.Answered)
        {
            result = new StepResult(state, [], []);
        }
        else if (message.Kind is InboundKind.Text or InboundKind.Command && InviteCode.Recognise(message.Text) is { } code)
        {
            result = new StepResult(state, [InviteReplies.For(flow, state.Language, InviteStore.Redeem(write, code, stored.ContactId, now))], []);
        }
        else if (await dialogs.TryAnswerAsync(write, stored, now, cancellationToken) is { } dialogAnswer)
        {
            // A review's fix request may have put the sender's own record back to them (a facilitator who is also its
            // village head): the session saved below is then the one the action wrote in this transaction.
            if (SessionStore.Load(write, person) is { State: { } asked } again && (asked.NodeId != loaded?.NodeId || again.SubmissionId != submissionId))
            {
                (state, submissionId) = (asked, again.SubmissionId);
            }

            result = new StepResult(state, dialogAnswer.Replies, []);
            afterCommit = [.. afterCommit, .. dialogAnswer.AfterCommit];
        }
        else
        {
            result = engine.Step(flow, state, message, now, new StoreFlowContext(write, stored.ContactId, submissionId));
        }

        (state, submissionId) = ApplyEvents(write, flow, stored, result, submissionId, now, others);
        foreach (var request in result.Events.OfType<HandoffRequested>())
        {
            others.UnionWith(handoffs.Forward(write, stored.ContactId, state, request, stored.Id, now));
        }

        var replies = link.Replies.Concat(result.Replies).Select(r => WithReference(r, state.Reference)).ToList();
        foreach (var reply in replies)
        {
            OutboxStore.Enqueue(write, stored.ContactId, message.Channel, message.Address, OutboundKind.Reply, reply, now,
                inReplyTo: stored.Id, nodeId: state.NodeId);
        }

        SessionStore.Save(write, person, state, submissionId, now);
        InboundQueries.MarkProcessed(write, stored.Id, answeredNode, now);
        return (replies, afterCommit);
    }

    private (SessionState State, long? SubmissionId) ApplyEvents(WriteTransaction write, FlowDefinition flow, StoredInbound stored,
        StepResult result, long? submissionId, DateTimeOffset now, HashSet<string> others)
    {
        var contactId = stored.ContactId;
        var state = result.State;
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case ConsentAnswered consent:
                    ConsentRecord.Add(write, contactId, consent.Given, ConsentRecord.Version(flow, state.Language), stored.Message.Channel, now);
                    break;
                case ErasureRequested:
                    PrivacyEraser.Erase(write, contactId, Path.GetFullPath(chatExports.Value.Folder), now);
                    others.Add(ErasedMarker);
                    return (result.State, null);
                case ProposalCompleted proposal:
                    others.UnionWith(ProposalService.Add(write, flow, proposal.SubmissionId, contactId, proposal.Answers, now));
                    // The proposal is kept next to the record; the proposer's draft of it is not a record of its own.
                    SubmissionStore.DeleteDraft(write, submissionId);
                    return (state, null);
                case FacilitatorAsked asked:
                    others.UnionWith(AskFacilitators(write, flow, contactId, stored.Message, state, asked.VillageCode, now));
                    break;
                case OptedOut:
                    ContactStore.SetOptedOut(write, contactId, true);
                    break;
                case StepLimitReached limit:
                    logger.LogError("Flow {Flow} stopped at node {Node} for contact {Contact}: more than {Limit} nodes in one step (the flow loops)",
                        limit.FlowId, limit.NodeId, contactId, FlowEngine.MaxNodesPerStep);
                    break;
                case OptedIn:
                    ContactStore.SetOptedOut(write, contactId, false);
                    break;
                case LanguageChanged changed:
                    ContactStore.SetLanguage(write, contactId, changed.Language);
                    break;
                case SubmissionClaimed claimed:
                    // One village, one product: this conversation now updates the village's submission.
                    SubmissionStore.DeleteDraft(write, submissionId);
                    submissionId = claimed.SubmissionId;
                    state = state with { Reference = SubmissionStore.Reference(write, claimed.SubmissionId) };
                    break;
                case ConversationRestarted when submissionId is { } id && SubmissionStore.Status(write, id) != "draft":
                    // Starting over after a submit begins a new draft; the submitted record stays as it was.
                    submissionId = null;
                    state = state with { Reference = null };
                    break;
            }
        }

        if (result.Events.Any(e => e is AnswerSaved or ConversationRestarted))
        {
            if (submissionId is null)
            {
                submissionId = SubmissionStore.CreateDraft(write, contactId, state.Answers, now);
            }
            else
            {
                SubmissionStore.UpdateDraft(write, submissionId.Value, contactId, state.Answers, now);
            }
        }

        if (result.Events.OfType<SubmissionCompleted>().FirstOrDefault() is { } completed)
        {
            submissionId ??= SubmissionStore.CreateDraft(write, contactId, completed.Answers, now);
            var reason = completed.Fixed is { Count: > 0 } fixedFields ? "fixed: " + string.Join(", ", fixedFields) : "submitted";
            var reference = SubmissionStore.Submit(write, submissionId.Value, contactId, completed.Answers, now, reason);
            state = state with { Reference = reference };
        }

        if (result.Events.OfType<ConversationDeclined>().Any())
        {
            // Declining keeps only what is needed to remember the "no": the consent row and the session.
            PrivacyEraser.ForgetDeclined(write, contactId);
            submissionId = null;
        }

        return (state, submissionId);
    }

    /// <summary>Tells the village's facilitators (or admins) that this person asks about its record, with how to reach them.</summary>
    private static IEnumerable<string> AskFacilitators(WriteTransaction write, FlowDefinition flow, long contactId, InboundMessage message,
        SessionState state, string villageCode, DateTimeOffset now)
    {
        var village = write.Connection.QueryFirstOrDefault<string?>(
            "SELECT village_name FROM submissions WHERE village_code = @villageCode AND status = 'submitted' ORDER BY id LIMIT 1",
            new { villageCode }, write.Transaction) ?? villageCode;
        var values = new Dictionary<string, string>
        {
            ["village"] = village,
            ["person"] = state.Answers.GetValueOrDefault("respondent.name")?.ToString() ?? message.DisplayName ?? "-",
            ["contact"] = $"{message.Channel}:{message.Address}",
        };
        return AreaStaff.Of(write, villageCode).Where(id => id != contactId)
            .Select(staff => PersonNotice.Send(write, flow, staff, "staff_ask_notice", values, now)).OfType<string>().ToList();
    }

    /// <summary>
    /// The first message from another channel of the person is greeted back with their progress (as after a pause),
    /// not taken as an answer to a question they read elsewhere.
    /// </summary>
    private static SessionState ResumeOnNewChannel(SessionState state, FlowDefinition flow,
        WriteTransaction write, StoredInbound stored, bool resume) =>
        (resume || PersonLinks.SwitchedChannel(write, stored.ContactId, stored.Id)) && state.LastActivityAt is { } last
            ? state with { LastActivityAt = last - flow.ResumeAfter - TimeSpan.FromSeconds(1) }
            : state;

    private static OutboundMessage WithReference(OutboundMessage message, string? reference) =>
        reference is not null && message.Text.Contains(ReferencePlaceholder, StringComparison.Ordinal)
            ? message with { Text = message.Text.Replace(ReferencePlaceholder, reference, StringComparison.Ordinal) }
            : message;
}
