using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Exports;
using OvopBot.Hosting;

namespace OvopBot.Benchmarks.Exports;

/// <summary>
/// The scale check: rows per second and the process's peak working set for each export, each run in a fresh
/// child process so one measurement's memory does not inherit another's (or the data generator's).
/// <code>dotnet run -c Release --project tests/OvopBot.Benchmarks -- exports-scale [DB]</code>
/// </summary>
public static class ExportScale
{
    private static readonly (ExportKind Kind, ExportFormat Format)[] Runs =
    [
        (ExportKind.Conversations, ExportFormat.Csv),
        (ExportKind.Conversations, ExportFormat.Xlsx),
        (ExportKind.Conversations, ExportFormat.Jsonl),
        (ExportKind.Submissions, ExportFormat.Csv),
        (ExportKind.Submissions, ExportFormat.Xlsx),
    ];

    public static int Run(string[] args)
    {
        var database = ExportDataSet.Ensure(args.Length > 1 ? Path.GetFullPath(args[1]) : ExportDataSet.DefaultPath);
        Console.WriteLine($"Data: {database}");
        Console.WriteLine("| export | rows | seconds | rows/s | peak working set (MB) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (kind, format) in Runs)
        {
            // Under `dotnet X.dll` the process is the dotnet host: start the same way.
            var host = Environment.ProcessPath!;
            string[] prefix = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(ExportScale).Assembly.Location] : [];
            var child = Process.Start(new ProcessStartInfo(host, [.. prefix, "exports-scale-one", database, kind.ToString(), format.ToString()])
            {
                RedirectStandardOutput = true,
            })!;
            var line = child.StandardOutput.ReadToEnd().Trim();
            child.WaitForExit();
            Console.WriteLine(line);
        }

        return 0;
    }

    /// <summary>One export in this process; prints one Markdown table row.</summary>
    public static int RunOne(string[] args)
    {
        var (database, kind, format) = (args[1], Enum.Parse<ExportKind>(args[2]), Enum.Parse<ExportFormat>(args[3]));
        using var host = CliHost.Build(["--Storage:DatabasePath", database]);
        var exports = host.Services.GetRequiredService<ExportService>();
        var output = Path.Combine(Path.GetDirectoryName(database)!, $"out-{kind}.{format.ToString().ToLowerInvariant()}");
        var clock = Stopwatch.StartNew();
        var result = exports.ExportToFile(ExportRequest.Of(kind, format), output);
        clock.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var rows = result.TotalRows;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {kind} → {format.ToString().ToUpperInvariant()} ({result.Bytes / 1048576.0:N0} MB file) | {rows:N0} | {clock.Elapsed.TotalSeconds:N1} | {rows / clock.Elapsed.TotalSeconds:N0} | {process.PeakWorkingSet64 / 1048576.0:N0} |"));
        File.Delete(output);
        return 0;
    }
}
