using System.Globalization;
using OvopBot.Channels.Abstractions;
using OvopBot.Exports;
using OvopBot.Flows.Definition;
using OvopBot.Regions;

namespace OvopBot.ChatExports;

/// <summary>
/// The messages that answer a chat export, worded by the flow's <c>staff_export_*</c> texts in the admin's language:
/// the file with a caption, "nothing to export", "too large for the chat: here is where it is" and "it failed".
/// </summary>
public sealed class ChatExportReplies(FlowDefinition flow, ChatExportRequest request, RegionCatalog regions)
{
    private const double Megabyte = 1024 * 1024;

    public OutboundMessage File(ExportResult result, DateTimeOffset madeAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        var values = Values();
        values["rows"] = result.TotalRows.ToString("N0", Culture);
        values["time"] = Wita.From(madeAt).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);
        return new OutboundMessage { Text = Text("staff_export_ready", values), DocumentPath = result.Path };
    }

    public OutboundMessage Empty() => new() { Text = Text("staff_export_empty", Values()) };

    public OutboundMessage TooLarge(ExportResult result, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(result);
        var values = Values();
        values["size"] = Math.Ceiling(result.Bytes / Megabyte).ToString("N0", Culture);
        values["max"] = (maxBytes / Megabyte).ToString("0.###", Culture);
        values["path"] = result.Path ?? "";
        values["command"] = CommandLine();
        return new OutboundMessage { Text = Text("staff_export_too_large", values) };
    }

    public OutboundMessage Failed() => new() { Text = Text("staff_export_failed", Values()) };

    /// <summary>The requester lost the role (or the area) before the file was made: nothing is made.</summary>
    public OutboundMessage Refused() => new() { Text = Text("staff_export_refused", Values()) };

    /// <summary>The command that makes the same file on the server (the README's export command).</summary>
    public string CommandLine()
    {
        var kind = request.Kind.ToString().ToLowerInvariant();
        return $"dotnet run --project src/OvopBot -- export {kind} --format xlsx --region {request.RegionCode} --lang {request.Language} --out ovop-{kind}-{request.RegionCode}.xlsx";
    }

    private Dictionary<string, string> Values() => new()
    {
        ["kind"] = flow.Text("staff_export_kind_" + request.Kind.ToString().ToLowerInvariant(), request.Language),
        ["region"] = regions.Name(request.RegionCode) ?? request.RegionCode,
    };

    private string Text(string key, Dictionary<string, string> values) => flow.Text(key, request.Language, values);

    // Numbers as the reader writes them: 1.234 in Indonesian, 1,234 in English.
    private CultureInfo Culture
    {
        get
        {
            try
            {
                return CultureInfo.GetCultureInfo(request.Language);
            }
            catch (CultureNotFoundException)
            {
                return CultureInfo.InvariantCulture;
            }
        }
    }
}
