using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Storage;

namespace OvopBot.Conversations;

/// <summary>
/// Steps committed inbound messages. Contacts are split over <see cref="ConversationOptions.Workers"/> workers by
/// contact id, so one person's messages are handled in order by one worker while other people's go on in
/// parallel (a slow media download holds up only its own partition). Messages left unprocessed by a crash are
/// picked up at start.
/// </summary>
public sealed class InboundProcessorService(SqliteDatabase database, ConversationProcessor processor,
    IEnumerable<IMediaFetcher> fetchers, IOptions<ConversationOptions> options, Signals signals, TimeProvider time,
    ILogger<InboundProcessorService> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, IMediaFetcher> _fetchers = fetchers.ToDictionary(f => f.Channel);
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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                IReadOnlyList<StoredInbound> batch;
                using (var connection = database.Open())
                {
                    batch = InboundQueries.Unprocessed(connection, partition, partitions, 50);
                }

                foreach (var stored in batch)
                {
                    // Every log line about this message carries who sent it and which one it is (never its text).
                    using var scope = logger.BeginScope(new Dictionary<string, object>
                    {
                        ["ContactId"] = stored.ContactId, ["MessageId"] = stored.Id, ["Channel"] = stored.Message.Channel,
                    });
                    // Finish the message in hand even when shutdown starts: it is cheap and avoids a re-step later.
                    await FetchMediaAsync(stored, stoppingToken);
                    var replies = await processor.ProcessAsync(stored.Id, CancellationToken.None);
                    logger.LogDebug("Stepped inbound message {MessageId} ({Kind}): {Replies} replies", stored.Id, stored.Message.Kind, replies.Count);
                }

                if (batch.Count == 0)
                {
                    await _workerSignals[partition].WaitAsync(IdlePoll, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Inbound worker {Partition} failed; retrying shortly", partition);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task FetchMediaAsync(StoredInbound stored, CancellationToken cancellationToken)
    {
        var message = stored.Message;
        if (message.MediaRef is null || message.MediaPath is not null || !_fetchers.TryGetValue(message.Channel, out var fetcher))
        {
            return;
        }

        string? path = null;
        try
        {
            path = await fetcher.FetchAsync(message.MediaRef, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The answer is still stepped with its platform reference; the file can be fetched again by ref later.
            logger.LogWarning(e, "Could not download media of inbound {Id} on {Channel}", stored.Id, message.Channel);
        }

        if (path is not null)
        {
            using var write = await database.BeginWriteAsync(cancellationToken);
            InboundQueries.SetMediaPath(write, stored.Id, path);
            write.Commit();
        }
    }
}
