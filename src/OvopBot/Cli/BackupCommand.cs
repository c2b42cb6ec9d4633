using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Hosting;
using OvopBot.Storage;

namespace OvopBot.Cli;

/// <summary><c>backup --to FILE</c>: a consistent copy of the live database (SQLite online backup), safe while the service runs.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to") { Description = "The backup file to write", Required = true };
        var command = CliApp.Verb("backup", "Copy the live database safely (SQLite online backup)");
        command.Options.Add(to);
        command.SetAction(result =>
        {
            using var host = CliHost.Build(result.UnmatchedTokens);
            var database = host.Services.GetRequiredService<SqliteDatabase>();
            var target = Path.GetFullPath(result.GetValue(to)!);
            DatabaseBackup.Write(database, target);
            Console.WriteLine($"Backed up {database.Path} to {target}");
            return 0;
        });
        return command;
    }
}
