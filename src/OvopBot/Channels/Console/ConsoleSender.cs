using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.Console;

/// <summary>Prints replies to a text writer (standard output), one blank line after each message.</summary>
public sealed class ConsoleSender(TextWriter output) : IChannelSender
{
    private long _sent;

    public string Channel => ConsoleChannel.Name;

    public async Task<string> SendAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(envelope.Message.Text.AsMemory(), cancellationToken);
        if (envelope.Message.DocumentPath is { } document)
        {
            await output.WriteLineAsync($"[file: {document}]".AsMemory(), cancellationToken);
        }

        await output.WriteLineAsync();
        await output.FlushAsync(cancellationToken);
        return $"console-{Interlocked.Increment(ref _sent)}";
    }
}
