using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Storage;

namespace OvopBot.Handoffs;

/// <summary>Looks for questions to the facilitators that nobody answered in time, every <c>Handoffs:CheckEvery</c>.</summary>
public sealed class HandoffTimeoutService(HandoffService handoffs, IOptions<HandoffOptions> options, Signals signals, TimeProvider time,
    ILogger<HandoffTimeoutService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var channel in await handoffs.ReportUnansweredAsync(stoppingToken))
                {
                    signals.Outbox(channel).Notify();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reporting unanswered questions failed; trying again at the next check");
            }

            await Task.Delay(options.Value.CheckEvery, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
