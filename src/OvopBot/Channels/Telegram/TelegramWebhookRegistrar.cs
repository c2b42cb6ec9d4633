using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Telegram.Api;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// Webhook mode: tells Telegram at start where to post updates (setWebhook with the secret token and the explicit
/// update types, never dropping pending updates). Retries with backoff until Telegram accepts, then idles; the
/// updates themselves arrive at <see cref="TelegramWebhookEndpoint"/>.
/// </summary>
public sealed class TelegramWebhookRegistrar(
    TelegramClient client,
    IOptions<TelegramOptions> options,
    TimeProvider timeProvider,
    ILogger<TelegramWebhookRegistrar> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var request = new SetWebhookRequest
        {
            Url = options.Value.WebhookUrl ?? "",
            SecretToken = options.Value.WebhookSecret ?? "",
            AllowedUpdates = TelegramUpdateMapper.AllowedUpdates,
            DropPendingUpdates = false,
        };
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await client.CallAsync<bool>("setWebhook", request, stoppingToken);
                logger.LogInformation("Telegram webhook set to {Url}", request.Url);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (TelegramRequestException ex)
            {
                var doubled = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, backoff.Ticks * 2));
                backoff = ex is TelegramApiException { RetryAfter: { } wait }
                    ? wait
                    : doubled < MaxBackoff ? doubled : MaxBackoff;
                logger.LogError("Telegram setWebhook failed: {Error}. Retrying in {Backoff}", ex.Message, backoff);
            }

            try
            {
                await Task.Delay(backoff, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
