using System.Collections.Concurrent;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;

namespace OvopBot.Tests.Channels.WhatsApp;

/// <summary>Records status updates and keeps the latest per message with the never-backwards rule.</summary>
public sealed class InMemoryStatusSink : IDeliveryStatusSink
{
    public ConcurrentQueue<DeliveryStatusUpdate> Received { get; } = new();
    public ConcurrentDictionary<string, DeliveryStatus> Current { get; } = new();
    public Exception? FailWith { get; set; }

    public Task RecordAsync(IReadOnlyList<DeliveryStatusUpdate> updates, CancellationToken cancellationToken)
    {
        if (FailWith is { } failure)
        {
            throw failure;
        }

        foreach (var update in updates)
        {
            Received.Enqueue(update);
            Current.AddOrUpdate(update.PlatformMessageId, update.Status,
                (_, old) => DeliveryStatusOrder.ShouldReplace(old, update.Status) ? update.Status : old);
        }

        return Task.CompletedTask;
    }
}
