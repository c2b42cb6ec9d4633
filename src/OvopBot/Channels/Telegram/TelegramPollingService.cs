using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram.Api;
using OvopBot.Operations;
using OvopBot.Storage;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// Receives updates by getUpdates long polling. Each batch is committed through <see cref="IInboundSink"/> first;
/// only then is the next offset stored (key <c>telegram:offset</c>) and sent, which is what confirms the batch to
/// Telegram. A crash in between re-reads the same updates and the sink's dedupe makes that harmless. Pending updates
/// are never dropped. The loop never ends on an error: it waits (with the injected clock) and tries again.
/// </summary>
public sealed class TelegramPollingService(
    TelegramClient client,
    TelegramUpdateMapper mapper,
    IInboundSink sink,
    IChannelStateStore state,
    IOptions<TelegramOptions> options,
    TimeProvider timeProvider,
    ILogger<TelegramPollingService> logger,
    ChannelActivity? activity = null) : BackgroundService
{
    public const string OffsetKey = "telegram:offset";

    /// <summary>An empty answer sooner than this is treated as "not long-polling" and followed by a pause.</summary>
    public static readonly TimeSpan MinEmptyPollInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private const int BatchLimit = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        var ready = false;
        long? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!ready)
                {
                    // Polling and a webhook exclude each other; removing a webhook keeps its pending updates.
                    await client.CallAsync<bool>("deleteWebhook", new DeleteWebhookRequest(), stoppingToken);
                    offset = ParseOffset(await state.GetAsync(OffsetKey, stoppingToken));
                    ready = true;
                    logger.LogInformation("Telegram polling started at offset {Offset}", offset?.ToString(
                        CultureInfo.InvariantCulture) ?? "(first run)");
                }

                offset = await PollOnceAsync(offset, stoppingToken);
                backoff = TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                backoff = NextBackoff(backoff, ex);
                LogFailure(ex, backoff);
                try
                {
                    await Task.Delay(backoff, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>One getUpdates round; returns the offset to ask with next time.</summary>
    private async Task<long?> PollOnceAsync(long? offset, CancellationToken stoppingToken)
    {
        var pollTimeout = options.Value.PollTimeoutSeconds;
        var request = new GetUpdatesRequest
        {
            Offset = offset,
            Limit = BatchLimit,
            Timeout = pollTimeout,
            AllowedUpdates = TelegramUpdateMapper.AllowedUpdates,
        };
        var started = timeProvider.GetTimestamp();
        var updates = await client.CallAsync<JsonElement[]>("getUpdates", request,
            TimeSpan.FromSeconds(pollTimeout) + TelegramClient.DefaultTimeout, stoppingToken);
        activity?.Polled(TelegramUpdateMapper.ChannelName);
        if (updates.Length == 0)
        {
            // A proxy or a server that ignores the timeout answers at once; without a pause this loop would spin.
            var elapsed = timeProvider.GetElapsedTime(started);
            if (elapsed < MinEmptyPollInterval)
            {
                await Task.Delay(MinEmptyPollInterval - elapsed, timeProvider, stoppingToken);
            }

            return offset;
        }

        var messages = new List<InboundMessage>();
        var callbacks = new List<string>();
        var highest = offset is { } current ? current - 1 : long.MinValue;
        foreach (var raw in updates)
        {
            highest = Math.Max(highest, ReadUpdateId(raw) ?? highest);
            var (update, message) = ReadAndMap(raw);
            if (update?.CallbackQuery is { } callback)
            {
                callbacks.Add(callback.Id);
            }

            if (message is not null)
            {
                messages.Add(message);
            }
        }

        if (messages.Count > 0)
        {
            var fresh = await sink.AcceptAsync(messages, stoppingToken);
            logger.LogDebug("Telegram batch: {Updates} updates, {Messages} messages, {Fresh} new", updates.Length,
                messages.Count, fresh);
        }

        await AnswerCallbacksAsync(callbacks, stoppingToken);
        if (highest == long.MinValue)
        {
            return offset;
        }

        var next = highest + 1;
        await state.SetAsync(OffsetKey, next.ToString(CultureInfo.InvariantCulture), stoppingToken);
        return next;
    }

    /// <summary>Stops the spinner on the user's button. Best effort: a failure must not replay the batch.</summary>
    private async Task AnswerCallbacksAsync(List<string> callbackIds, CancellationToken cancellationToken)
    {
        foreach (var id in callbackIds)
        {
            try
            {
                await client.CallAsync<bool>("answerCallbackQuery",
                    new AnswerCallbackQueryRequest { CallbackQueryId = id }, cancellationToken);
            }
            catch (TelegramRequestException ex)
            {
                logger.LogWarning("Telegram callback query not answered: {Error}", ex.Message);
            }
        }
    }

    private (Update? Update, InboundMessage? Message) ReadAndMap(JsonElement raw)
    {
        try
        {
            var update = raw.Deserialize<Update>(TelegramClient.Json);
            return update is null ? default : (update, mapper.Map(update));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // One unreadable update must not block the ones behind it for ever; it is logged and confirmed.
            logger.LogError("Telegram update {UpdateId} could not be read and is skipped: {Error}",
                ReadUpdateId(raw), ex.Message);
            return default;
        }
    }

    private static long? ReadUpdateId(JsonElement raw) =>
        raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("update_id", out var id)
            && id.TryGetInt64(out var value) ? value : null;

    private static long? ParseOffset(string? stored) =>
        long.TryParse(stored, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static TimeSpan NextBackoff(TimeSpan previous, Exception ex)
    {
        if (ex is TelegramApiException { RetryAfter: { } retryAfter })
        {
            return retryAfter;
        }

        var doubled = previous == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : previous * 2;
        return doubled > MaxBackoff ? MaxBackoff : doubled;
    }

    private void LogFailure(Exception ex, TimeSpan backoff)
    {
        switch (ex)
        {
            case TelegramApiException { ErrorCode: 401 or 404 } api:
                logger.LogCritical("Telegram refused the bot token ({Description}); check Telegram:BotToken. "
                    + "Retrying in {Backoff}", api.Description, backoff);
                break;
            case TelegramApiException { ErrorCode: 409 } api:
                logger.LogError("Telegram polling conflict ({Description}); is another instance running? "
                    + "Retrying in {Backoff}", api.Description, backoff);
                break;
            case TelegramRequestException request:
                logger.LogWarning("Telegram polling failed: {Error}. Retrying in {Backoff}", request.Message, backoff);
                break;
            default:
                // Most likely the store refused the batch; the offset was not advanced, so nothing is lost.
                logger.LogError(ex, "Telegram updates could not be handed over. Retrying in {Backoff}", backoff);
                break;
        }
    }
}
