using System.Collections.Concurrent;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;

namespace OvopBot.Tests.Channels.WhatsApp;

/// <summary>
/// Stands in for the store in phase A: dedupes on channel + external id like the real one, records every hand-over,
/// and answers the customer window from what it stored (as the store will). Can be told to fail.
/// </summary>
public sealed class InMemoryInbound : IInboundSink, ICustomerWindow
{
    private readonly object _gate = new();
    private readonly Dictionary<string, InboundMessage> _stored = new(StringComparer.Ordinal);

    public ConcurrentQueue<IReadOnlyList<InboundMessage>> Calls { get; } = new();
    public Exception? FailWith { get; set; }

    public IReadOnlyList<InboundMessage> Stored
    {
        get
        {
            lock (_gate)
            {
                return [.. _stored.Values];
            }
        }
    }

    public Task<int> AcceptAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        Calls.Enqueue(messages);
        if (FailWith is { } failure)
        {
            throw failure;
        }

        lock (_gate)
        {
            return Task.FromResult(messages.Count(m => _stored.TryAdd(m.Channel + "|" + m.ExternalId, m)));
        }
    }

    public Task<DateTimeOffset?> LastInboundAtAsync(string address, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var times = _stored.Values.Where(m => m.Address == address).Select(m => m.ReceivedAt).ToList();
            return Task.FromResult(times.Count == 0 ? (DateTimeOffset?)null : times.Max());
        }
    }
}
