using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;

namespace OvopBot.Exports;

/// <summary>What every table needs to turn rows into readable cells: the flow, its interpreters, the language, the filter.</summary>
internal sealed record ExportContext(
    FlowDefinition Flow, FlowEngine Engine, string Language, ExportFilter Filter, RegionNames Regions, string? MediaRoot)
{
    /// <summary>A media file's path as the admin finds it: relative to the media folder when it lies inside it.</summary>
    public string? MediaPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || MediaRoot is null)
        {
            return path;
        }

        var relative = Path.GetRelativePath(MediaRoot, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
