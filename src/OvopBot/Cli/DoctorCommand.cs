using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Hosting;
using OvopBot.Operations;

namespace OvopBot.Cli;

/// <summary>
/// <c>doctor</c>: checks the configuration against this machine and the live platforms, prints one line per check
/// (ok / warn / FAIL with what to fix) and exits 1 when something must be fixed.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each platform request", DefaultValueFactory = _ => 10 };
        var command = CliApp.Verb("doctor", "Check the settings, folders, disk and the live Telegram/WhatsApp accounts; say what to fix");
        command.Options.Add(timeout);
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = CliHost.Build(result.UnmatchedTokens, services => services.AddOvopOperationsOptions());
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(timeout))) };
            var doctor = new Doctor(host.Services, host.Services.GetRequiredService<IConfiguration>(), http, TimeProvider.System);
            var findings = await doctor.RunAsync(cancellationToken);
            foreach (var finding in findings)
            {
                Console.WriteLine(finding);
            }

            var problems = findings.Count(f => f.Level == DoctorLevel.Problem);
            Console.WriteLine(problems == 0 ? "All checks passed." : $"{problems} problem(s) to fix.");
            return problems == 0 ? 0 : 1;
        });
        return command;
    }
}
