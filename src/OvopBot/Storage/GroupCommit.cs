namespace OvopBot.Storage;

/// <summary>
/// Commits the conversation steps of several people in one transaction, each step still all-or-nothing: a step runs
/// inside a savepoint of the shared transaction, is kept when it finishes and rolled back to that savepoint when it
/// throws, so a failing step never undoes or holds back anyone else's. Steps that arrive while a batch is being
/// written wait for the next one, which the first of them leads; nobody waits for a timer. A step's caller returns
/// only after the batch committed, so what it was told happened is on disk; a crash before the commit leaves every
/// message of the batch unprocessed, to be stepped again. Why: each commit writes every page the transaction touched
/// to the log, and consecutive steps touch the same pages (the newest rows of the message tables and their indexes),
/// so a batch writes them once instead of once per message.
/// </summary>
/// <remarks>
/// An error that undoes the whole transaction by itself (disk full, I/O error) fails every step of the batch, also
/// those that had finished: none of them is committed, each is retried like any failed step.
/// </remarks>
internal sealed class GroupCommit(SqliteDatabase database)
{
    /// <summary>At most this many steps share a commit, so the first of them never waits behind an endless stream.</summary>
    internal const int MaxBatch = 16;

    private const string Savepoint = "step";

    private readonly object _gate = new();
    private readonly Queue<Entry> _waiting = new();
    private bool _leading;

    public async Task RunAsync(Func<WriteTransaction, Task> work, CancellationToken cancellationToken)
    {
        var entry = new Entry(work, ExecutionContext.Capture(), cancellationToken);
        lock (_gate)
        {
            _waiting.Enqueue(entry);
            if (!_leading)
            {
                _leading = true;
                entry.Lead.SetResult();
            }
        }

        if (await Task.WhenAny(entry.Lead.Task, entry.Done.Task) == entry.Lead.Task)
        {
            await LeadAsync();
        }

        await entry.Done.Task;
    }

    /// <summary>Runs the waiting steps (this caller's first among them) in one transaction, then hands over the lead.</summary>
    private async Task LeadAsync()
    {
        // The callers the last batch just answered come straight back with their next step; a yield lets them queue up
        // first, so they share this commit instead of each leading one of its own (about 3 steps a commit instead of 2
        // with 4 workers).
        await Task.Yield();
        List<Entry> batch;
        lock (_gate)
        {
            batch = [];
            while (batch.Count < MaxBatch && _waiting.TryDequeue(out var next))
            {
                batch.Add(next);
            }
        }

        var finished = new List<Entry>();
        try
        {
            using var write = await database.BeginWriteAsync(CancellationToken.None);
            foreach (var entry in batch)
            {
                if (entry.CancellationToken.IsCancellationRequested)
                {
                    entry.Done.TrySetCanceled(entry.CancellationToken);
                    continue;
                }

                write.Transaction.Save(Savepoint);
                try
                {
                    await entry.RunAsync(write);
                    write.Transaction.Release(Savepoint);
                    finished.Add(entry);
                }
                catch (Exception e) when (write.InTransaction)
                {
                    write.Transaction.Rollback(Savepoint);
                    write.Transaction.Release(Savepoint);
                    entry.Done.TrySetException(e);
                }
            }

            write.Commit();
            finished.ForEach(e => e.Done.TrySetResult());
        }
        catch (Exception e)
        {
            // The transaction is gone (or never began): nothing of this batch is committed.
            batch.ForEach(entry => entry.Done.TrySetException(e));
        }
        finally
        {
            lock (_gate)
            {
                if (_waiting.TryPeek(out var next))
                {
                    next.Lead.TrySetResult();
                }
                else
                {
                    _leading = false;
                }
            }
        }
    }

    private sealed class Entry(Func<WriteTransaction, Task> work, ExecutionContext? context, CancellationToken cancellationToken)
    {
        public TaskCompletionSource Lead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken CancellationToken => cancellationToken;

        /// <summary>Runs the step in its caller's context (its log scope names the message), not the leader's.</summary>
        public Task RunAsync(WriteTransaction write)
        {
            if (context is null)
            {
                return work(write);
            }

            Task task = Task.CompletedTask;
            ExecutionContext.Run(context, _ => task = work(write), null);
            return task;
        }
    }
}
