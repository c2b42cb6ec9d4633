using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OvopBot.Channels.Abstractions;
using OvopBot.Storage;

namespace OvopBot.Outbox;

/// <summary>
/// Runs one sending loop per configured channel: drain what is due, then sleep until new rows are signalled, the
/// next retry is due, or the platform's pause is over. Errors are logged and the loop goes on.
/// </summary>
public sealed class OutboxService(IEnumerable<IChannelSender> senders, OutboxDispatcher dispatcher, OutboxStore store,
    Signals signals, TimeProvider time, ILogger<OutboxService> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(senders.Select(sender => RunAsync(sender, stoppingToken)));

    private async Task RunAsync(IChannelSender sender, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (_, pauseUntil) = await dispatcher.DrainAsync(sender, stoppingToken);
                var now = time.GetUtcNow();
                var wakeAt = pauseUntil ?? await store.NextDueAsync(sender.Channel, stoppingToken) ?? now + IdlePoll;
                var wait = wakeAt - now;
                if (pauseUntil is not null && wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                else if (wait > TimeSpan.Zero)
                {
                    await signals.Outbox(sender.Channel).WaitAsync(wait < IdlePoll ? wait : IdlePoll, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox loop for {Channel} failed; retrying shortly", sender.Channel);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
