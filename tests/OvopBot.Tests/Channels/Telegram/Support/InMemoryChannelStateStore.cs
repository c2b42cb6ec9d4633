using System.Collections.Concurrent;
using OvopBot.Storage;

namespace OvopBot.Tests.Channels.Telegram.Support;

/// <summary>Stands in for the store's channel state in phase-A tests; remembers every value written.</summary>
public sealed class InMemoryChannelStateStore : IChannelStateStore
{
    private readonly ConcurrentDictionary<string, string> _values = new();
    private readonly ConcurrentQueue<(string Key, string Value)> _writes = new();

    public IReadOnlyList<(string Key, string Value)> Writes => [.. _writes];

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_values.TryGetValue(key, out var value) ? value : null);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        _values[key] = value;
        _writes.Enqueue((key, value));
        return Task.CompletedTask;
    }
}
