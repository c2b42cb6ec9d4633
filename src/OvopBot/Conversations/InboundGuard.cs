using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Loading;
using OvopBot.Outbox;
using OvopBot.People;
using OvopBot.Storage;

namespace OvopBot.Conversations;

/// <summary>
/// Runs conversation steps so that no message can stop the others (poison-message isolation). A step that throws is
/// tried again after <see cref="ConversationOptions.RetryDelay"/>, doubling, up to
/// <see cref="ConversationOptions.MaxAttempts"/> attempts; then the message becomes a dead letter (failed, with its
/// error, see <see cref="DeadLetters"/>) and the person gets one short apology in their language. Their session stays
/// where it was; the worker goes on with the next message at once.
/// </summary>
public sealed class InboundGuard(ConversationProcessor processor, SqliteDatabase database, FlowCatalog flows,
    IOptions<ConversationOptions> options, TimeProvider time, Signals signals, ILogger<InboundGuard> logger)
{
    /// <summary>
    /// Steps a stored message; a failure is recorded for a later attempt or as a dead letter, never thrown.
    /// <paramref name="before"/> runs first (media download) and may answer the message itself instead of the step:
    /// it returns the key of a flow text (e.g. <c>media_not_kept</c>), or null to step the message.
    /// </summary>
    public async Task<bool> TryProcessAsync(InboundHead head, Func<Task<string?>>? before = null)
    {
        try
        {
            if (before is not null && await before() is { } noticeKey)
            {
                await AnswerInsteadAsync(head.Stored, noticeKey);
                return true;
            }

            await processor.ProcessAsync(head.Stored.Id, CancellationToken.None);
            return true;
        }
        catch (Exception e)
        {
            await RecordFailureAsync(head, e);
            return false;
        }
    }

    /// <summary>
    /// The console's way: accepts and steps a message at once. When the step fails the message is still stored and
    /// tried again here, with the same budget and backoff as the workers, before it becomes a dead letter.
    /// </summary>
    public async Task HandleNowAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await processor.HandleAsync(message, cancellationToken);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            StoredInbound? stored;
            using (var write = await database.BeginWriteAsync(cancellationToken))
            {
                stored = InboundStore.Insert(write, message);
                write.Commit();
            }

            if (stored is null)
            {
                return;
            }

            var head = new InboundHead(stored, 0, null, 1);
            await RecordFailureAsync(head, e);
            for (var attempt = 1; attempt < options.Value.MaxAttempts; attempt++)
            {
                await Task.Delay(Backoff(attempt), time, cancellationToken);
                if (await TryProcessAsync(head with { Attempts = attempt }))
                {
                    return;
                }
            }
        }
    }

    /// <summary>The wait after the given number of failed attempts.</summary>
    public TimeSpan Backoff(int failedAttempts) => options.Value.RetryDelay * Math.Pow(2, Math.Min(failedAttempts - 1, 16));

    private async Task RecordFailureAsync(InboundHead head, Exception error)
    {
        var attempts = head.Attempts + 1;
        var stored = head.Stored;
        var now = time.GetUtcNow();
        using (var write = await database.BeginWriteAsync(CancellationToken.None))
        {
            if (attempts < options.Value.MaxAttempts)
            {
                logger.LogWarning(error, "Inbound {Id} of contact {Contact} failed (attempt {Attempt} of {Max}); trying again later",
                    stored.Id, stored.ContactId, attempts, options.Value.MaxAttempts);
                DeadLetters.ScheduleRetry(write, stored.Id, attempts, now + Backoff(attempts), error.ToString());
                write.Commit();
                return;
            }

            logger.LogError(error, "Inbound {Id} of contact {Contact} failed {Attempts} times; kept as a dead letter (messages failed)",
                stored.Id, stored.ContactId, attempts);
            var (language, nodeId) = LanguageAndNode(write, stored.ContactId);
            DeadLetters.MarkFailed(write, stored.Id, attempts, nodeId, error.ToString(), now);
            EnqueueNotice(write, stored, "message_failed", language, nodeId, now);
            write.Commit();
        }

        signals.Outbox(stored.Message.Channel).Notify();
    }

    /// <summary>Tells a person who writes faster than they are served to wait (once per backlog; see the worker).</summary>
    public async Task TellToWaitAsync(StoredInbound stored)
    {
        using (var write = await database.BeginWriteAsync(CancellationToken.None))
        {
            var (language, nodeId) = LanguageAndNode(write, stored.ContactId);
            EnqueueNotice(write, stored, "please_wait", language, nodeId, time.GetUtcNow());
            write.Commit();
        }

        signals.Outbox(stored.Message.Channel).Notify();
    }

    /// <summary>Answers a message with one flow text and marks it processed without stepping it: the session stays as it was.</summary>
    private async Task AnswerInsteadAsync(StoredInbound stored, string textKey)
    {
        using (var write = await database.BeginWriteAsync(CancellationToken.None))
        {
            if (InboundQueries.ById(write.Connection, stored.Id, write.Transaction) is not { Processed: false })
            {
                return;
            }

            var now = time.GetUtcNow();
            var (language, nodeId) = LanguageAndNode(write, stored.ContactId);
            EnqueueNotice(write, stored, textKey, language, nodeId, now);
            InboundQueries.MarkProcessed(write, stored.Id, nodeId, now);
            write.Commit();
        }

        signals.Outbox(stored.Message.Channel).Notify();
    }

    private void EnqueueNotice(WriteTransaction write, StoredInbound stored, string textKey, string language, string? nodeId,
        DateTimeOffset now)
    {
        var text = flows[options.Value.Flow].Text(textKey, language);
        OutboxStore.Enqueue(write, stored.ContactId, stored.Message.Channel, stored.Message.Address, OutboundKind.Reply,
            new OutboundMessage { Text = text }, now, inReplyTo: stored.Id, nodeId: nodeId);
    }

    // The session may be what makes the step fail, so a session that cannot be read falls back to the contact's language.
    private (string Language, string? NodeId) LanguageAndNode(WriteTransaction write, long contactId)
    {
        var flow = flows[options.Value.Flow];
        try
        {
            if (SessionStore.Load(write, PersonLinks.Root(write, contactId)).State is { } state)
            {
                return (flow.LanguageOrDefault(state.Language), state.NodeId);
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            logger.LogWarning(e, "Session of contact {Contact} cannot be read", contactId);
        }

        return (flow.LanguageOrDefault(ContactStore.Language(write, contactId)), null);
    }
}
