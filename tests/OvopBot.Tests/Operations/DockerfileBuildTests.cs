using System.Diagnostics;
using System.Text.RegularExpressions;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Operations;

/// <summary>
/// The machine that runs the tests has no container engine, so the Dockerfile's build stage is replayed here: its
/// COPY lines copy the same files (minus what .dockerignore leaves out) into an empty folder and its RUN lines run
/// there, bounded in time. The published program must carry the flows and the region list and check its flows from
/// any folder, as it does in the image.
/// </summary>
public sealed partial class DockerfileBuildTests
{
    private static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task The_build_stage_publishes_a_program_with_its_flows_and_regions()
    {
        var dockerfile = await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Root, "Dockerfile"));
        var stages = dockerfile.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stages.Count);
        Assert.Contains(dockerfile, l => l == "USER app");
        Assert.Contains(dockerfile, l => l == "VOLUME /data");

        using var temp = new TempDirectory();
        var context = temp.File("src");
        var output = temp.File("app");
        foreach (var line in dockerfile.TakeWhile(l => l != stages[1]))
        {
            if (CopyLine().Match(line) is { Success: true } copy)
            {
                var parts = copy.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                foreach (var source in parts[..^1])
                {
                    Copy(Path.Combine(RepoPaths.Root, source), Path.Combine(context, parts[^1], source.EndsWith('/') ? "" : Path.GetFileName(source)));
                }
            }
            else if (RunLine().Match(line) is { Success: true } run)
            {
                var args = run.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(a => a == "/app" ? output : a).ToArray();
                var (exit, log) = await DotnetAsync(context, args);
                Assert.True(exit == 0, $"dotnet {string.Join(' ', args)} failed:\n{log}");
            }
        }

        Assert.True(File.Exists(Path.Combine(output, "OvopBot.dll")));
        Assert.True(File.Exists(Path.Combine(output, "flows", "ovop-registration.yaml")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(output, "data", "wilayah"), "*.csv"));
        Assert.True(File.Exists(Path.Combine(output, "data", "wilayah", "LICENSE-ODbL.md")));

        // As in the image: run from a folder without flows/, so the copy beside the program is the one used.
        var elsewhere = temp.File("elsewhere");
        Directory.CreateDirectory(elsewhere);
        var (checkExit, checkLog) = await DotnetAsync(elsewhere, Path.Combine(output, "OvopBot.dll"), "flows", "check");
        Assert.True(checkExit == 0, checkLog);
    }

    /// <summary>Copies a file or folder as Docker's COPY would, leaving out build output (.dockerignore: bin/, obj/).</summary>
    private static void Copy(string source, string target)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            return;
        }

        Assert.True(Directory.Exists(source), $"the Dockerfile copies {source}, which does not exist");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative), overwrite: true);
        }
    }

    private static async Task<(int Exit, string Log)> DotnetAsync(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        args.ToList().ForEach(info.ArgumentList.Add);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(StepLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"gave up after {StepLimit.TotalMinutes} minutes");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"^COPY (?!--)(.+)$")]
    private static partial Regex CopyLine();

    [GeneratedRegex(@"^RUN dotnet (.+)$")]
    private static partial Regex RunLine();
}
