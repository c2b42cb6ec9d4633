using System.Globalization;

namespace OvopBot.Benchmarks;

/// <summary>What the load verbs (<c>conversations</c>, <c>telegram</c>, <c>broadcast</c>) read from their arguments and the checkout.</summary>
public static class LoadArguments
{
    /// <summary>The number after <paramref name="name"/> (e.g. <c>--people 500</c>), or <paramref name="fallback"/>.</summary>
    public static double Number(string[] args, string name, double fallback)
    {
        ArgumentNullException.ThrowIfNull(args);
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>A whole number after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static int Count(string[] args, string name, int fallback) => (int)Number(args, name, fallback);

    /// <summary>The checkout's <c>flows/</c> folder, found by walking up from the binaries to <c>OvopBot.sln</c>.</summary>
    public static string FlowsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OvopBot.sln")))
            {
                return Path.Combine(dir.FullName, "flows");
            }
        }

        throw new InvalidOperationException("OvopBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The machine's load, so a figure measured while other work ran says so.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";
}
