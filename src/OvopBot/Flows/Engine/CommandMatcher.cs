using OvopBot.Flows.Definition;
using OvopBot.Understanding;

namespace OvopBot.Flows.Engine;

/// <summary>
/// Recognises global commands by their keywords in any of the flow's languages, with or without a leading slash
/// ("BANTUAN", "bantuan", "/help"). Telegram's "/start PAYLOAD" is recognised with its payload.
/// </summary>
public sealed class CommandMatcher
{
    private readonly Dictionary<string, FlowCommand> _byKeyword = new(StringComparer.Ordinal);

    public CommandMatcher(FlowDefinition flow)
    {
        foreach (var (command, perLanguage) in flow.Commands)
        {
            foreach (var keyword in perLanguage.Values.SelectMany(k => k))
            {
                _byKeyword.TryAdd(Key(keyword), command);
            }
        }
    }

    /// <summary>The command and its payload (text after "/start "), or null when the text is no command.</summary>
    public (FlowCommand Command, string? Payload)? Match(string text)
    {
        if (text.Length == 0 || text.Length > 64)
        {
            return null;
        }

        var slash = text[0] == '/';
        var body = slash ? text[1..] : text;
        string? payload = null;
        var space = body.IndexOf(' ', StringComparison.Ordinal);
        if (slash && space > 0)
        {
            payload = body[(space + 1)..].Trim();
            body = body[..space];
        }

        // Telegram appends the bot name in groups: /help@OvopBot.
        var at = body.IndexOf('@', StringComparison.Ordinal);
        if (slash && at > 0)
        {
            body = body[..at];
        }

        // Telegram's own /start always means "begin or carry on", whatever a flow calls START.
        if (slash && body.Equals("start", StringComparison.OrdinalIgnoreCase))
        {
            return (FlowCommand.Start, payload is { Length: > 0 } ? payload : null);
        }

        return _byKeyword.TryGetValue(Key(body), out var command) ? (command, null) : null;
    }

    /// <summary>Keywords compare folded (case, accents, end punctuation); a keyword that is all punctuation ("?") as is.</summary>
    private static string Key(string text)
    {
        var folded = TextCleaner.Fold(text);
        return folded.Length > 0 ? folded : text.Trim();
    }
}
