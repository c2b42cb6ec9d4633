using System.Text.RegularExpressions;
using OvopBot.Channels.Telegram.Api;
using OvopBot.Flows.Definition;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// Builds Telegram's "/" menu from a flow: a command is listed when the flow has a <c>telegram_command_NAME</c> text
/// (its description); the command word is the command's first keyword in that language that Telegram accepts.
/// The flow decides what is offered and in which words; nothing here is user-facing.
/// </summary>
public static partial class TelegramCommandMenu
{
    public static IReadOnlyList<BotCommand> Everyone(FlowDefinition flow, string language)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return Build(flow, language, flow.Commands.Select(c => (c.Key.ToString().ToLowerInvariant(), c.Value)));
    }

    /// <summary>
    /// The ordinary commands followed by the staff flow's commands, for the chats of facilitators and admins; those
    /// whose entry needs the admin role (export) only in admins' chats.
    /// </summary>
    public static IReadOnlyList<BotCommand> Staff(FlowDefinition flow, FlowDefinition staffFlow, string language, bool admin)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(staffFlow);
        var staff = staffFlow.StaffCommands
            .Where(c => admin || !staffFlow.Entries.Any(e => e.Command == c.Key && e.Role == "admin"))
            .Select(c => (c.Key, c.Value));
        return [.. Everyone(flow, language), .. Build(staffFlow, language, staff)];
    }

    private static List<BotCommand> Build(FlowDefinition flow, string language,
        IEnumerable<(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords)> commands)
    {
        var menu = new List<BotCommand>();
        foreach (var (name, keywords) in commands)
        {
            if (!flow.Texts.ContainsKey("telegram_command_" + name) || !keywords.TryGetValue(language, out var words))
            {
                continue;
            }

            var word = words.Select(w => w.Trim().ToLowerInvariant().Replace(' ', '_')).FirstOrDefault(w => CommandName().IsMatch(w));
            if (word is not null && menu.TrueForAll(c => c.Command != word))
            {
                menu.Add(new BotCommand(word, flow.Text("telegram_command_" + name, language)));
            }
        }

        return menu;
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();
}
