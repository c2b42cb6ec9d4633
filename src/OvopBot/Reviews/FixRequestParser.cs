using System.Globalization;
using System.Text.RegularExpressions;

namespace OvopBot.Reviews;

/// <summary>The numbers and the note of a fix request as typed after PERBAIKI: "3,5 Kapasitas terlalu besar", "3 dan 5: …".</summary>
public sealed record FixRequest(IReadOnlyList<int> Numbers, string Note);

/// <summary>Reads what follows the PERBAIKI keyword: answer numbers (comma, space, "dan"/"and", "&amp;"), then the note.</summary>
public static partial class FixRequestParser
{
    /// <summary>The request, or null when the text starts with no answer number.</summary>
    public static FixRequest? Parse(string? text)
    {
        var match = Request().Match(text ?? "");
        if (!match.Success)
        {
            return null;
        }

        var numbers = Number().Matches(match.Groups["numbers"].Value)
            .Select(m => int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ToList();
        return new FixRequest(numbers, match.Groups["note"].Value.Trim());
    }

    [GeneratedRegex(@"^\s*(?<numbers>\d{1,9}(?:\s*(?:,|;|&|\bdan\b|\band\b|\s)\s*\d{1,9})*)(?!\d)\s*[:.\-–]?\s*(?<note>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Request();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
