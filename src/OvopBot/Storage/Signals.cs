using System.Collections.Concurrent;

namespace OvopBot.Storage;

/// <summary>The wake-up signals of the background loops, shared through DI.</summary>
public sealed class Signals
{
    private readonly ConcurrentDictionary<string, WorkSignal> _outbox = new(StringComparer.Ordinal);

    /// <summary>New inbound messages are committed and wait for their conversation step.</summary>
    public WorkSignal Inbound { get; } = new();

    /// <summary>An admin asked for an export in the chat; the export worker should look.</summary>
    public WorkSignal ChatExports { get; } = new();

    /// <summary>Someone's data was erased; the privacy worker should clear what is left once their last message leaves.</summary>
    public WorkSignal Privacy { get; } = new();

    /// <summary>New outbox rows for the channel are committed and wait to be sent (one signal per channel loop).</summary>
    public WorkSignal Outbox(string channel) => _outbox.GetOrAdd(channel, _ => new WorkSignal());
}
