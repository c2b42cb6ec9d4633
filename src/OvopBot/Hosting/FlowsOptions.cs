namespace OvopBot.Hosting;

/// <summary>The <c>Flows</c> configuration section.</summary>
public sealed class FlowsOptions
{
    public const string Section = "Flows";

    /// <summary>
    /// The folder of flow files. Empty means <c>flows/</c> in the current folder when there is one (editing flows
    /// in a checkout takes effect on the next start), else the copy beside the program.
    /// </summary>
    public string Path { get; set; } = "";

    public string ResolvePath()
    {
        if (!string.IsNullOrWhiteSpace(Path))
        {
            return System.IO.Path.GetFullPath(Path);
        }

        var local = System.IO.Path.GetFullPath("flows");
        return Directory.Exists(local) && Directory.EnumerateFiles(local, "*.yaml").Any()
            ? local
            : System.IO.Path.Combine(AppContext.BaseDirectory, "flows");
    }
}
