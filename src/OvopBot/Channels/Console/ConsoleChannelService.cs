using Microsoft.Extensions.Hosting;

namespace OvopBot.Channels.Console;

/// <summary>
/// When no platform is configured, the running service talks to the terminal, so a newcomer can chat with the bot
/// at once. It stops reading at the end of input (e.g. when started without a terminal); the service goes on.
/// </summary>
public sealed class ConsoleChannelService(ConsoleConversation conversation) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and print its start-up lines) before the first prompt.
        await Task.Yield();
        await System.Console.Out.WriteLineAsync("OvopBot console: type a message (e.g. /start). Ctrl+C stops.");
        await conversation.RunAsync(System.Console.In, System.Console.Out, ConsoleChannel.DefaultAddress,
            showPrompt: !System.Console.IsInputRedirected, stoppingToken);
    }
}
