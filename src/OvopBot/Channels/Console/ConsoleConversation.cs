using OvopBot.ChatExports;
using OvopBot.Conversations;
using OvopBot.Outbox;

namespace OvopBot.Channels.Console;

/// <summary>
/// A conversation held over a pair of text streams: each input line is one message, stored and stepped, and its
/// replies are sent through the outbox to the output before the next line is read. Used by the <c>chat</c> verb
/// (which works with piped input) and by the console channel of the running service. An export an admin asks for is
/// made right away too, so its file is there before the next line.
/// </summary>
public sealed class ConsoleConversation(InboundGuard guard, OutboxDispatcher dispatcher, ConsoleInputParser parser,
    ChatExportService exports, TimeProvider time)
{
    public async Task RunAsync(TextReader input, TextWriter output, string address, bool showPrompt, CancellationToken cancellationToken)
    {
        var sender = new ConsoleSender(output);
        // Replies still pending from an earlier run (e.g. the process was killed) are delivered first.
        await dispatcher.DrainAsync(sender, cancellationToken, address);
        var counter = 0;
        var runId = time.GetUtcNow().ToUnixTimeMilliseconds();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (showPrompt)
            {
                await output.WriteAsync("> ");
                await output.FlushAsync(cancellationToken);
            }

            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return;
            }

            var message = parser.Parse(line, address, $"{address}:{runId}:{++counter}", time.GetUtcNow());
            await guard.HandleNowAsync(message, cancellationToken);
            await exports.RunPendingAsync(cancellationToken);
            await dispatcher.DrainAsync(sender, cancellationToken, address);
        }
    }
}
