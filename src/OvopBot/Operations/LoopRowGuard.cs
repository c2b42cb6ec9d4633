using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OvopBot.Operations;

/// <summary>
/// Keeps one bad row from stopping a background loop (reminders, broadcast reports, chat exports): each row's work
/// runs on its own, so a row that throws never keeps the loop from the rows after it. A failing row is tried again at
/// the loop's next pass (the cause may pass: a busy database) up to <see cref="MaxAttempts"/> times; then it is set
/// aside the loop's own way (marked failed or skipped in the store) with an Error log, so it is not met again and
/// not logged at every pass. Attempts are counted in memory: after a restart (a fix) a row gets a fresh budget.
/// </summary>
public sealed class LoopRowGuard(ILogger logger, string loop)
{
    /// <summary>Passes a row may fail before it is set aside.</summary>
    public const int MaxAttempts = 3;

    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs one row's work; true when it completed. A failure (shutdown aside) is logged and counted; at the last
    /// attempt <paramref name="setAside"/> records the row as failed or skipped.
    /// </summary>
    public async Task<bool> RunAsync(string row, Func<Task> work, Func<Exception, Task> setAside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(setAside);
        try
        {
            await work();
            _failures.TryRemove(row, out _);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = _failures.AddOrUpdate(row, 1, (_, n) => n + 1);
            if (attempts < MaxAttempts)
            {
                logger.LogWarning(e, "{Loop} {Row} failed (attempt {Attempt} of {Max}); trying again at the next pass, the others go on",
                    loop, row, attempts, MaxAttempts);
                return false;
            }

            logger.LogError(e, "{Loop} {Row} failed {Attempts} times; set aside, the others go on", loop, row, attempts);
            try
            {
                await setAside(e);
                _failures.TryRemove(row, out _);
            }
            catch (Exception again) when (again is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(again, "{Loop} {Row} could not be set aside either; it is tried again at the next pass", loop, row);
            }

            return false;
        }
    }
}
