using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OvopBot.Broadcasts;

/// <summary>At start-up, finishes enqueuing any broadcast that a crash interrupted after its confirmation.</summary>
public sealed class BroadcastRecoveryService(BroadcastService broadcasts, ILogger<BroadcastRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var resumed = await broadcasts.ResumeInterruptedAsync(stoppingToken);
            if (resumed > 0)
            {
                logger.LogInformation("Finished enqueuing {Count} interrupted broadcast(s)", resumed);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not finish enqueuing interrupted broadcasts; they are retried at the next start");
        }
    }
}
