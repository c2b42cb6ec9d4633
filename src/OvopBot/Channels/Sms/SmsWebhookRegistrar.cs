using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OvopBot.Channels.Sms;

/// <summary>
/// When <c>Sms:WebhookUrl</c> is set: registers it with the gateway at start for received messages and the sent,
/// delivered and failed events, retrying with backoff while the phone is unreachable (asleep, off the Wi-Fi), then
/// idles. Registrations have fixed ids, so each start replaces them instead of adding more.
/// </summary>
public sealed class SmsWebhookRegistrar(ISmsGateway gateway, IOptions<SmsOptions> options, TimeProvider time,
    ILogger<SmsWebhookRegistrar> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = new Uri(options.Value.WebhookUrl!);
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await gateway.RegisterWebhookAsync(url, stoppingToken);
                logger.LogInformation("SMS webhook registered with the gateway: {Url}", url);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                logger.LogError("Registering the SMS webhook failed: {Error}. Retrying in {Backoff}", e.Message, backoff);
            }

            await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            backoff = backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
        }
    }
}
