using System.CommandLine;
using Microsoft.Extensions.Hosting;
using OvopBot.Hosting;

namespace OvopBot.Cli;

/// <summary>Runs a staff verb in a CLI host; a <see cref="CliException"/> becomes one line on standard error and exit code 2.</summary>
internal static class StaffAction
{
    public static void Set(Command command, Func<ParseResult, IHost, CancellationToken, Task<int>> action) =>
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                using var host = CliHost.Build(result.UnmatchedTokens);
                return await action(result, host, cancellationToken);
            }
            catch (CliException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
        });
}
