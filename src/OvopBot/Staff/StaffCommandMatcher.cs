using OvopBot.Flows.Definition;
using OvopBot.Understanding;

namespace OvopBot.Staff;

/// <summary>
/// Recognises staff keywords from the flow's <c>staff_commands:</c> in any language, with or without a leading
/// slash (Telegram's "/summary"), compared folded like the global commands.
/// </summary>
public sealed class StaffCommandMatcher
{
    private readonly Dictionary<string, string> _byKeyword = new(StringComparer.Ordinal);

    public StaffCommandMatcher(FlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        foreach (var (command, perLanguage) in flow.StaffCommands)
        {
            foreach (var keyword in perLanguage.Values.SelectMany(k => k))
            {
                _byKeyword.TryAdd(Key(keyword), command);
                // "/broadcast_status" is how a two-word command looks in Telegram's command menu.
                _byKeyword.TryAdd(Key(keyword.Replace(' ', '_')), command);
            }
        }
    }

    /// <summary>The staff command's name in the flow (<c>broadcast_status</c>), or null.</summary>
    public string? Match(string text)
    {
        if (text.Length is 0 or > 64)
        {
            return null;
        }

        var body = text[0] == '/' ? text[1..] : text;
        var at = text[0] == '/' ? body.IndexOf('@', StringComparison.Ordinal) : -1;
        if (at > 0)
        {
            body = body[..at];
        }

        return _byKeyword.TryGetValue(Key(body), out var command) ? command : null;
    }

    /// <summary>
    /// For a command that carries words after its one-word keyword ("PERBAIKI 3,5 catatan"): the command and the
    /// rest, or null when the first word is no keyword or nothing follows it.
    /// </summary>
    public (string Command, string Words)? MatchWithRest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.Trim().TrimStart('/');
        var space = body.IndexOfAny([' ', '\n', '\t']);
        return space > 0 && _byKeyword.TryGetValue(Key(body[..space]), out var command) ? (command, body[(space + 1)..].Trim()) : null;
    }

    private static string Key(string text) => TextCleaner.Fold(text);
}
