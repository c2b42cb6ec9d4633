using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Console;
using OvopBot.Hosting;
using OvopBot.Storage;

namespace OvopBot.Cli;

/// <summary>
/// <c>chat [--from ID]</c>: talk to the bot in the terminal as one person. Works with piped input (one message
/// per line, replies on standard output, exits at the end of input), so scripts can hold whole conversations.
/// </summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Sender id (a person); the same id continues the same conversation", DefaultValueFactory = _ => ConsoleChannel.DefaultAddress };
        var command = CliApp.Verb("chat", "Chat with the bot on the console as one person (reads standard input)");
        command.Options.Add(from);
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = CliHost.Build(result.UnmatchedTokens, services =>
            {
                services.AddSingleton(sp => new ConsoleInputParser(sp.GetRequiredService<IOptions<StorageOptions>>().Value.MediaPath));
                services.AddSingleton<ConsoleConversation>();
            });
            var conversation = host.Services.GetRequiredService<ConsoleConversation>();
            await conversation.RunAsync(Console.In, Console.Out, result.GetValue(from)!, showPrompt: !Console.IsInputRedirected, cancellationToken);
            return 0;
        });
        return command;
    }
}
