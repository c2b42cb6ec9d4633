using OvopBot.Channels.Abstractions;

namespace OvopBot.Tests.Channels.Telegram.Support;

/// <summary>
/// Stands in for the store in phase-A tests: keeps accepted messages, deduplicates on channel + external id like
/// the real unique index, and can be told to fail the next calls (a full disk, a locked database).
/// </summary>
public sealed class InMemoryInboundSink : IInboundSink
{
    private readonly Lock _gate = new();
    private readonly List<InboundMessage> _accepted = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    public int FailuresToThrow { get; set; }

    public int Calls { get; private set; }

    public IReadOnlyList<InboundMessage> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    public Task<int> AcceptAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        List<TaskCompletionSource> done;
        int fresh;
        lock (_gate)
        {
            Calls++;
            if (FailuresToThrow > 0)
            {
                FailuresToThrow--;
                throw new IOException("database is locked (test)");
            }

            var known = _accepted.Select(m => (m.Channel, m.ExternalId)).ToHashSet();
            var added = messages.Where(m => known.Add((m.Channel, m.ExternalId))).ToList();
            _accepted.AddRange(added);
            fresh = added.Count;
            done = _waiters.Where(w => _accepted.Count >= w.Count).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => _accepted.Count >= w.Count);
        }

        done.ForEach(d => d.TrySetResult());
        return Task.FromResult(fresh);
    }

    /// <summary>Completes once <paramref name="count"/> distinct messages were accepted; fails after 20 s.</summary>
    public Task WaitForAcceptedAsync(int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_accepted.Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
