namespace OvopBot.Outbox;

/// <summary>
/// Marks sent rows in groups (group commit): rows whose sends finish while a commit runs go together in the next one.
/// The database has one writer, and at 1,000 sends a second one transaction per send is what limits the rate; in
/// groups a send still completes only once its row is committed as sent, so a crash never sends it twice.
/// </summary>
public sealed class SentMarks(OutboxStore store)
{
    private readonly Lock _gate = new();
    private List<(SentRow Row, TaskCompletionSource Done)> _waiting = [];
    private bool _committing;

    /// <summary>Completes when the row is committed as sent (with the rows that finished around the same time).</summary>
    public Task MarkAsync(SentRow row)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _waiting.Add((row, done));
            start = !_committing;
            _committing = true;
        }

        if (start)
        {
            _ = Task.Run(CommitAllAsync);
        }

        return done.Task;
    }

    private async Task CommitAllAsync()
    {
        while (true)
        {
            List<(SentRow Row, TaskCompletionSource Done)> group;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _committing = false;
                    return;
                }

                group = _waiting;
                _waiting = [];
            }

            try
            {
                await store.MarkSentAsync(group.ConvertAll(g => g.Row), CancellationToken.None);
                group.ForEach(g => g.Done.TrySetResult());
            }
            catch (Exception e)
            {
                // Each waiting send sees the failure as its own, as it would have with its own transaction.
                group.ForEach(g => g.Done.TrySetException(e));
            }
        }
    }
}
