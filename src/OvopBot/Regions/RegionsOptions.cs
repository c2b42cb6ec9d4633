namespace OvopBot.Regions;

/// <summary>The <c>Regions</c> configuration section.</summary>
public sealed class RegionsOptions
{
    public const string Section = "Regions";

    /// <summary>The service area: comma-separated region codes (<c>53</c> = all of NTT; <c>53.01,53.04</c> = Kupang and Belu).</summary>
    public string Scope { get; set; } = RegionScope.DefaultValue;

    /// <summary>The folder of the official region CSV files; empty means the copy beside the program.</summary>
    public string Path { get; set; } = "";

    public string ResolvePath() => string.IsNullOrWhiteSpace(Path) ? RegionCatalog.DefaultDirectory : System.IO.Path.GetFullPath(Path);
}
