using System.CommandLine;
using OvopBot.Hosting;

namespace OvopBot.Cli;

/// <summary><c>run</c>: the service (web host, channels, background loops). The default verb.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = CliApp.Verb("run", "Run the service (default). Host options such as --urls are passed through.");
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var app = ServiceHost.Build(result.UnmatchedTokens.ToArray());
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
