using System.Diagnostics;

namespace OvopBot.Tests.TestSupport;

/// <summary>Runs the real OvopBot program (the built OvopBot.dll) as a child process, for tests a process kill can reach.</summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process _process;

    private BotProcess(Process process) => _process = process;

    public static BotProcess Start(string databasePath, params string[] verbArgs)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OvopBot.dll"));
        foreach (var arg in verbArgs)
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add("--Storage:DatabasePath");
        info.ArgumentList.Add(databasePath);
        info.ArgumentList.Add("--Storage:MediaPath");
        info.ArgumentList.Add(Path.Combine(Path.GetDirectoryName(databasePath)!, "media"));
        info.ArgumentList.Add("--Flows:Path");
        info.ArgumentList.Add(RepoPaths.Flows);
        return new BotProcess(Process.Start(info)!);
    }

    public StreamWriter Input => _process.StandardInput;

    public StreamReader Output => _process.StandardOutput;

    /// <summary>Writes all lines, closes input, and returns standard output and error after the process exits.</summary>
    public async Task<(string Output, string Error, int ExitCode)> RunToEndAsync(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            await Input.WriteLineAsync(line);
        }

        Input.Close();
        var output = _process.StandardOutput.ReadToEndAsync();
        var error = _process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(timeout.Token);
        return (await output, await error, _process.ExitCode);
    }

    /// <summary>Reads output until a line containing the text appears (bounded), so a test can kill at a known point.</summary>
    public async Task<bool> WaitForOutputAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!timeout.IsCancellationRequested)
        {
            var line = await Output.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                return false;
            }

            if (line.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
