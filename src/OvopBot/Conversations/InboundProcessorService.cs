using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Media;
using OvopBot.Storage;

namespace OvopBot.Conversations;

/// <summary>
/// Steps committed inbound messages. Contacts are split over <see cref="ConversationOptions.Workers"/> workers by
/// contact id, so one person's messages are handled in order by one worker while other people's go on in
/// parallel (a slow media download, only ever of media the question asks for (<see cref="MediaPolicy"/>), holds up only its own partition). Messages left unprocessed by a crash are
/// picked up at start. Each pass takes one message per person, so people are served in turn; a person writing faster
/// than <see cref="ConversationOptions.PerSenderPerMinute"/> waits (in order, told once), and a message that fails
/// is retried later or dead-lettered by the <see cref="InboundGuard"/> while the others go on.
/// </summary>
public sealed class InboundProcessorService(SqliteDatabase database, InboundGuard guard,
    MediaPolicy media, IOptions<ConversationOptions> options, Signals signals, TimeProvider time,
    ILogger<InboundProcessorService> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);
    private readonly List<WorkSignal> _workerSignals = [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = options.Value.Workers;
        for (var i = 0; i < workers; i++)
        {
            _workerSignals.Add(new WorkSignal());
        }

        return Task.WhenAll(Enumerable.Range(0, workers).Select(i => RunWorkerAsync(i, workers, stoppingToken))
            .Append(FanOutSignalsAsync(stoppingToken)));
    }

    /// <summary>One inbound signal wakes every worker: each checks its own partition.</summary>
    private async Task FanOutSignalsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await signals.Inbound.WaitAsync(IdlePoll, time, stoppingToken);
            _workerSignals.ForEach(s => s.Notify());
        }
    }

    private async Task RunWorkerAsync(int partition, int partitions, CancellationToken stoppingToken)
    {
        var pace = new SenderPace(options.Value.PerSenderBurst, options.Value.PerSenderPerMinute);
        var toldToWait = new HashSet<long>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                IReadOnlyList<InboundHead> heads;
                using (var connection = database.Open())
                {
                    heads = InboundQueries.Heads(connection, partition, partitions, 200);
                }

                var now = time.GetUtcNow();
                var wakeAt = now + IdlePoll;
                var stepped = 0;
                foreach (var head in heads)
                {
                    var contact = head.Stored.ContactId;
                    if (head.NextAttemptAt is { } retryAt && retryAt > now)
                    {
                        wakeAt = Earliest(wakeAt, retryAt); // backing off after a failure: the others go on meanwhile
                        continue;
                    }

                    if (pace.TryTake(contact, time.GetUtcNow()) is { } ready)
                    {
                        // Writing faster than anyone answers: the excess waits in order; say so once per backlog.
                        wakeAt = Earliest(wakeAt, ready);
                        if (toldToWait.Add(contact))
                        {
                            await guard.TellToWaitAsync(head.Stored);
                        }

                        continue;
                    }

                    if (head.Waiting <= 1)
                    {
                        toldToWait.Remove(contact);
                    }

                    // Every log line about this message carries who sent it and which one it is (never its text).
                    using var scope = logger.BeginScope(new Dictionary<string, object>
                    {
                        ["ContactId"] = contact, ["MessageId"] = head.Stored.Id, ["Channel"] = head.Stored.Message.Channel,
                    });
                    // Finish the message in hand even when shutdown starts: it is cheap and avoids a re-step later.
                    var done = await guard.TryProcessAsync(head, () => media.PrepareAsync(head.Stored, stoppingToken));
                    // One Debug line per message, inside the scope: the operator's trace of a message (JsonLogsTests reads it).
                    logger.LogDebug("Inbound message {MessageId} ({Kind}): {Outcome}", head.Stored.Id, head.Stored.Message.Kind,
                        done ? "stepped" : "to be retried");
                    stepped++;
                }

                pace.Forget(time.GetUtcNow());
                if (stepped == 0)
                {
                    var wait = wakeAt - time.GetUtcNow();
                    await _workerSignals[partition].WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Only the store itself failing lands here (a step's failure is the guard's): wait and look again.
                logger.LogError(e, "Inbound worker {Partition} failed; retrying shortly", partition);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
