using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.ChatExports;
using OvopBot.Flows.Engine;
using OvopBot.Handoffs;
using OvopBot.Flows.Loading;
using OvopBot.Outbox;
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
    IOptions<ConversationOptions> options, TimeProvider time, Signals signals, StaffDesk staff, HandoffService handoffs)
{
    /// <summary>Replies may contain this placeholder; it is filled with the submission's reference number.</summary>
    public const string ReferencePlaceholder = "{reference}";

    /// <summary>
    /// Accepts a message and steps it at once, in one transaction (console, tests); returns the replies it produced,
    /// none for a re-delivery.
    /// </summary>
    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboundMessage> replies;
        IReadOnlyCollection<string> others;
        var staffAnswer = await staff.TryHandleAsync(message, cancellationToken);
        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            if (InboundStore.Insert(write, message) is not { } stored)
            {
                return [];
            }

            (replies, others) = Step(write, stored, staffAnswer);
            write.Commit();
        }

        Notify(message.Channel, replies, staffAnswer, others);
        return replies;
    }

    /// <summary>Steps a stored message unless it was already processed; returns the replies it produced.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> ProcessAsync(long inboundId, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboundMessage> replies;
        IReadOnlyCollection<string> others;
        string channel;
        StaffAnswer? staffAnswer;
        await using (var read = database.Open())
        {
            // Staff commands are answered before the write lock is taken (see StaffDesk); ordinary messages skip it.
            var peek = InboundQueries.ById(read, inboundId);
            if (peek is null || peek.Processed)
            {
                return [];
            }

            staffAnswer = await staff.TryHandleAsync(peek.Message, cancellationToken);
        }

        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            var stored = InboundQueries.ById(write.Connection, inboundId, write.Transaction);
            if (stored is null || stored.Processed)
            {
                return [];
            }

            channel = stored.Message.Channel;
            (replies, others) = Step(write, stored, staffAnswer);
            write.Commit();
        }

        Notify(channel, replies, staffAnswer, others);
        return replies;
    }

    private void Notify(string channel, IReadOnlyList<OutboundMessage> replies, StaffAnswer? staffAnswer, IReadOnlyCollection<string> others)
    {
        if (replies.Count > 0)
        {
            signals.Outbox(channel).Notify();
        }

        // Messages to other people (a question forwarded to facilitators, their answer) may go out on other channels.
        foreach (var other in others)
        {
            signals.Outbox(other).Notify();
        }

        if (staffAnswer?.Export is not null)
        {
            signals.ChatExports.Notify();
        }
    }

    /// <summary>
    /// The step itself, inside the caller's transaction: engine, events, outbox, session, processed mark. Returns the
    /// replies and the channels of messages to other people.
    /// </summary>
    private (IReadOnlyList<OutboundMessage> Replies, IReadOnlyCollection<string> Others) Step(WriteTransaction write, StoredInbound stored, StaffAnswer? staffAnswer)
    {
        var others = new HashSet<string>();
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

        if (staffAnswer is not null)
        {
            StaffStateStore.Save(write, stored.ContactId, staffAnswer.State, now);
            if (staffAnswer.Export is { } export)
            {
                ChatExportStore.Enqueue(write, stored.ContactId, export, now);
            }

            if (staffAnswer.Handoff is { } answer && handoffs.Answer(write, stored.ContactId, answer, now) is { } personChannel)
            {
                others.Add(personChannel);
            }
        }

        // An invite code has a fixed shape and is answered before the engine sees it, so a code sent in the
        // middle of a registration neither counts as an answer nor moves the conversation.
        var result = message.Kind is InboundKind.Text or InboundKind.Command && InviteCode.Recognise(message.Text) is { } code
            ? new StepResult(state, [InviteReplies.For(flow, state.Language, InviteStore.Redeem(write, code, stored.ContactId, now))], [])
            : staffAnswer?.Replies is { } staffReplies
                ? new StepResult(state, staffReplies, [])
                : engine.Step(flow, state, message, now, new StoreFlowContext(write, submissionId));
        (state, submissionId) = ApplyEvents(write, stored.ContactId, result, submissionId, now);
        foreach (var request in result.Events.OfType<HandoffRequested>())
        {
            others.UnionWith(handoffs.Forward(write, stored.ContactId, state, request, stored.Id, now));
        }

        var replies = result.Replies.Select(r => WithReference(r, state.Reference)).ToList();
        foreach (var reply in replies)
        {
            OutboxStore.Enqueue(write, stored.ContactId, message.Channel, message.Address, OutboundKind.Reply, reply, now,
                inReplyTo: stored.Id, nodeId: state.NodeId);
        }

        SessionStore.Save(write, stored.ContactId, state, submissionId, now);
        InboundQueries.MarkProcessed(write, stored.Id, answeredNode, now);
        return (replies, others);
    }

    private static (SessionState State, long? SubmissionId) ApplyEvents(WriteTransaction write, long contactId,
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

        if (result.Events.Any(e => e is ConversationDeclined))
        {
            // Declining keeps no answers: the draft (with its "no") goes; the decline text says what stays (contact, messages).
            if (submissionId is { } draft && SubmissionStore.Status(write, draft) == "draft")
            {
                SubmissionStore.DeleteDraft(write, draft);
                submissionId = null;
            }

            state = state with { Answers = [] };
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
}
