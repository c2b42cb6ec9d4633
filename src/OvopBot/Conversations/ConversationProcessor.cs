using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Outbox;
using OvopBot.Roles;
using OvopBot.Staff;
using OvopBot.Storage;

namespace OvopBot.Conversations;

/// <summary>
/// The router: for each stored inbound message, ONE place decides who answers, in order — an invite code, the
/// person's open staff dialog, a staff command, the registration flow — and commits everything that caused in ONE
/// transaction: the new session state, the submission, the contact's flags, staff dialog state with its drafts and
/// requests, the replies in the outbox, and the message marked processed. A crash before the commit leaves the
/// message unprocessed (it is stepped again at restart); a crash after it leaves nothing to redo.
/// </summary>
public sealed class ConversationProcessor(SqliteDatabase database, FlowCatalog flows, FlowEngine engine,
    IOptions<ConversationOptions> options, TimeProvider time, Signals signals, StaffDialogs staff, ILogger<ConversationProcessor> logger)
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
        Routed routed;
        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            if (InboundStore.Insert(write, message) is not { } stored)
            {
                return [];
            }

            routed = await RouteAsync(write, stored, cancellationToken);
            write.Commit();
        }

        return await AfterCommitAsync(message.Channel, routed, cancellationToken);
    }

    /// <summary>Steps a stored message unless it was already processed; returns the replies it produced.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> ProcessAsync(long inboundId, CancellationToken cancellationToken)
    {
        Routed routed;
        string channel;
        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            var stored = InboundQueries.ById(write.Connection, inboundId, write.Transaction);
            if (stored is null || stored.Processed)
            {
                return [];
            }

            channel = stored.Message.Channel;
            routed = await RouteAsync(write, stored, cancellationToken);
            write.Commit();
        }

        return await AfterCommitAsync(channel, routed, cancellationToken);
    }

    private async Task<IReadOnlyList<OutboundMessage>> AfterCommitAsync(string channel, Routed routed, CancellationToken cancellationToken)
    {
        foreach (var work in routed.AfterCommit)
        {
            await work(cancellationToken);
        }

        if (routed.Replies.Count > 0)
        {
            signals.Outbox(channel).Notify();
        }

        return routed.Replies;
    }

    /// <summary>The routing itself, inside the caller's transaction: who answers, then the session, outbox and processed mark.</summary>
    private async Task<Routed> RouteAsync(WriteTransaction write, StoredInbound stored, CancellationToken cancellationToken)
    {
        var flow = flows[options.Value.Flow];
        var now = time.GetUtcNow();
        var message = stored.Message;
        var (loaded, submissionId) = SessionStore.Load(write, stored.ContactId);
        var state = loaded ?? new SessionState
        {
            FlowId = flow.Id,
            Language = ContactStore.Language(write, stored.ContactId) ?? flow.DefaultLanguage,
        };
        var answeredNode = state.NodeId;
        if (message.Kind is InboundKind.BlockedByUser or InboundKind.UnblockedByUser)
        {
            ContactStore.SetReachable(write, stored.ContactId, message.Kind == InboundKind.UnblockedByUser);
        }

        IReadOnlyList<Func<CancellationToken, Task>> afterCommit = [];
        StepResult result;
        // 1. An invite code has a fixed shape and is answered before anything else, so a code sent in the middle of a
        //    registration or a staff dialog neither counts as an answer nor moves the conversation.
        if (message.Kind is InboundKind.Text or InboundKind.Command && InviteCode.Recognise(message.Text) is { } code)
        {
            result = new StepResult(state, [InviteReplies.For(flow, state.Language, InviteStore.Redeem(write, code, stored.ContactId, now))], []);
        }
        // 2–3. The person's open staff dialog, then a staff command (facilitators and admins only).
        else if (await staff.TryAnswerAsync(write, stored, now, cancellationToken) is { } staffAnswer)
        {
            result = new StepResult(state, staffAnswer.Replies, []);
            afterCommit = staffAnswer.AfterCommit;
        }
        // 4. The registration flow.
        else
        {
            result = engine.Step(flow, state, message, now, new StoreFlowContext(write, submissionId));
        }

        (state, submissionId) = ApplyEvents(write, stored.ContactId, result, submissionId, now);
        var replies = result.Replies.Select(r => WithReference(r, state.Reference)).ToList();
        foreach (var reply in replies)
        {
            OutboxStore.Enqueue(write, stored.ContactId, message.Channel, message.Address, OutboundKind.Reply, reply, now,
                inReplyTo: stored.Id, nodeId: state.NodeId);
        }

        SessionStore.Save(write, stored.ContactId, state, submissionId, now);
        InboundQueries.MarkProcessed(write, stored.Id, answeredNode, now);
        return new Routed(replies, afterCommit);
    }

    private (SessionState State, long? SubmissionId) ApplyEvents(WriteTransaction write, long contactId,
        StepResult result, long? submissionId, DateTimeOffset now)
    {
        var state = result.State;
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case OptedOut:
                    ContactStore.SetOptedOut(write, contactId, true);
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
                case StepLimitReached limit:
                    logger.LogError("Flow {Flow} stopped at node {Node} for contact {Contact}: more than {Limit} nodes in one step (the flow loops)",
                        limit.FlowId, limit.NodeId, contactId, FlowEngine.MaxNodesPerStep);
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
            var reference = SubmissionStore.Submit(write, submissionId.Value, contactId, completed.Answers, now);
            state = state with { Reference = reference };
        }

        return (state, submissionId);
    }

    private static OutboundMessage WithReference(OutboundMessage message, string? reference) =>
        reference is not null && message.Text.Contains(ReferencePlaceholder, StringComparison.Ordinal)
            ? message with { Text = message.Text.Replace(ReferencePlaceholder, reference, StringComparison.Ordinal) }
            : message;

    private sealed record Routed(IReadOnlyList<OutboundMessage> Replies, IReadOnlyList<Func<CancellationToken, Task>> AfterCommit);
}
