using OvopBot.Channels.Abstractions;

namespace OvopBot.Tests.Broadcasts;

/// <summary>A channel sender that accepts everything and remembers to whom it sent what.</summary>
internal sealed class RecordingSender(string channel) : IChannelSender
{
    private readonly List<OutboundEnvelope> _sent = [];

    public string Channel { get; } = channel;

    public IReadOnlyList<OutboundEnvelope> Sent
    {
        get
        {
            lock (_sent)
            {
                return _sent.ToList();
            }
        }
    }

    public Task<string> SendAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.Add(envelope);
            return Task.FromResult($"m{_sent.Count}");
        }
    }
}
