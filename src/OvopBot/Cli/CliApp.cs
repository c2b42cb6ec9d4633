using System.CommandLine;

namespace OvopBot.Cli;

/// <summary>
/// The command line: <c>run</c> (the default), <c>chat</c>, <c>flows</c>, <c>backup</c>… Every verb also accepts
/// configuration overrides as <c>--Section:Key value</c>, passed on to the host's configuration.
/// </summary>
public static class CliApp
{
    private static readonly string[] Verbs = ["run", "chat", "flows", "backup", "regions", "export", "roles", "invite", "broadcast", "doctor", "web", "messages", "-h", "--help", "-?", "--version"];

    public static Task<int> RunAsync(string[] args)
    {
        // No verb (or only host arguments such as --urls) means "run the service".
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            args = ["run", .. args];
        }

        var root = new RootCommand("OvopBot — the One Village One Product chatbot service")
        {
            RunCommand.Create(),
            ChatCommand.Create(),
            FlowsCommand.Create(),
            BackupCommand.Create(),
            ExportCommand.Create(),
            RolesCommand.Create(),
            InviteCommand.Create(),
            RegionsCommand.Create(),
            BroadcastCommand.Create(),
            DoctorCommand.Create(),
            WebCommand.Create(),
            MessagesCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }

    /// <summary>A verb that passes unknown tokens (configuration overrides) through to the host.</summary>
    internal static Command Verb(string name, string description)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        return command;
    }
}
