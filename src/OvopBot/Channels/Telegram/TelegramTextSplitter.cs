namespace OvopBot.Channels.Telegram;

/// <summary>
/// Cuts a text into pieces Telegram accepts (at most 4,096 UTF-16 units each, which is never more characters than
/// Telegram counts). It prefers paragraph breaks, then line breaks, then spaces, and never cuts a surrogate pair.
/// </summary>
public static class TelegramTextSplitter
{
    public const int MaxMessageLength = 4096;

    public const int MaxCaptionLength = 1024;

    public static IReadOnlyList<string> Split(string text, int maxLength = MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > maxLength)
        {
            var window = rest[..maxLength];
            var cut = window.LastIndexOf("\n\n");
            if (cut <= 0)
            {
                cut = window.LastIndexOf('\n');
            }

            if (cut <= 0)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut <= 0)
            {
                cut = char.IsHighSurrogate(window[^1]) ? maxLength - 1 : maxLength;
            }

            var part = rest[..cut].TrimEnd();
            if (!part.IsEmpty)
            {
                parts.Add(part.ToString());
            }

            rest = rest[cut..].TrimStart();
        }

        if (!rest.IsWhiteSpace() || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }
}
