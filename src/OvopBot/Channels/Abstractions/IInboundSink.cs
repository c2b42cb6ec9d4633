namespace OvopBot.Channels.Abstractions;

/// <summary>
/// Where channels hand over what people send. <see cref="AcceptAsync"/> returns only after the messages are
/// committed to the store (deduplicated on channel + external id), so a channel may then acknowledge them to its
/// platform (advance the Telegram offset, answer the WhatsApp webhook 200). The conversation step runs afterwards,
/// in order per person, from the store.
/// </summary>
public interface IInboundSink
{
    /// <summary>Commits the messages in one transaction; returns how many were new (not re-deliveries).</summary>
    Task<int> AcceptAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken);
}
