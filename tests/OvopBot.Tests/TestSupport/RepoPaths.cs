namespace OvopBot.Tests.TestSupport;

/// <summary>Finds folders of the checkout (flows/, data/) from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Flows => Path.Combine(Root, "flows");

    public static string Wilayah => Path.Combine(Root, "data", "wilayah");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OvopBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OvopBot.sln not found above " + AppContext.BaseDirectory);
    }
}
