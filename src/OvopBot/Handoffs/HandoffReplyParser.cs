using System.Globalization;
using OvopBot.Understanding;

namespace OvopBot.Handoffs;

/// <summary>Reads "BALAS 12 Silakan tulis perkiraan saja" (any keyword of the flow's <c>reply</c> staff command).</summary>
public static class HandoffReplyParser
{
    /// <summary>The question id and the answer text, or null when the text does not start with a reply keyword and a number.</summary>
    public static (long Id, string Text)? Parse(string text, IEnumerable<string> keywords)
    {
        var trimmed = text.Trim().TrimStart('/');
        foreach (var keyword in keywords)
        {
            if (trimmed.Length <= keyword.Length || !trimmed.StartsWith(keyword, StringComparison.OrdinalIgnoreCase) ||
                !char.IsWhiteSpace(trimmed[keyword.Length]))
            {
                continue;
            }

            var rest = trimmed[keyword.Length..].TrimStart();
            var digits = rest.TakeWhile(c => char.IsDigit(c) || c == '#').Count();
            var number = rest[..digits].TrimStart('#');
            if (number.Length == 0 || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return (0, "");
            }

            return (id, TextCleaner.Clean(rest[digits..]).Trim(' ', ':', '-'));
        }

        return null;
    }
}
