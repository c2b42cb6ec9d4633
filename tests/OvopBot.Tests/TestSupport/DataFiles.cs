namespace OvopBot.Tests.TestSupport;

/// <summary>Test cases kept as data: the <c>*.yaml</c> files of a test folder, one theory case each.</summary>
public static class DataFiles
{
    /// <summary>The file names in the folder (under tests/OvopBot.Tests), in order; without ".yaml" when asked.</summary>
    public static TheoryData<string> In(string folder, bool withExtension = true)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder(folder), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(withExtension ? Path.GetFileName(file) : Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    public static string Folder(string folder) => Path.Combine(RepoPaths.Root, "tests", "OvopBot.Tests", folder);
}
