using System.Globalization;
using System.Text;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;

namespace OvopBot.Flows.Engine;

/// <summary>
/// Turns flow nodes into outbound messages: the question, then its numbered options, then the footer hints. The
/// text alone is always enough to answer (basic phones); options and input buttons are extras for smart phones.
/// </summary>
public static class MessageRenderer
{
    public static OutboundMessage Question(FlowDefinition flow, FlowNode node, string language, string? prefix = null)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(prefix))
        {
            text.Append(prefix).Append("\n\n");
        }

        text.Append(node.Text.Get(language));
        var options = Options(flow, node, language);
        AppendOptions(text, options);
        var footer = node.Expect switch
        {
            AnswerKind.Choice or AnswerKind.YesNo => flow.Text("options_footer", language),
            AnswerKind.MultiChoice => flow.Text("multichoice_footer", language),
            _ => null,
        };
        if (footer is not null)
        {
            text.Append('\n').Append(footer);
        }

        if (node.Optional)
        {
            text.Append('\n').Append(flow.Text("skip_hint", language));
        }

        var input = node.Expect switch
        {
            AnswerKind.Location => InputRequest.Location,
            AnswerKind.Phone => InputRequest.Phone,
            AnswerKind.Photo => InputRequest.Photo,
            AnswerKind.Voice => InputRequest.Voice,
            _ => InputRequest.None,
        };
        return new OutboundMessage
        {
            Text = text.ToString(),
            Options = options,
            Input = input,
            InputLabel = input switch
            {
                InputRequest.Location => flow.Text("share_location_button", language),
                InputRequest.Phone => flow.Text("share_phone_button", language),
                _ => null,
            },
            MenuLabel = options.Count > 3 ? flow.Text("menu_button", language) : null,
        };
    }

    /// <summary>A message with numbered options (used by follow-ups such as did-you-mean or the language menu).</summary>
    public static OutboundMessage WithOptions(FlowDefinition flow, string language, string body, IReadOnlyList<ReplyOption> options)
    {
        var text = new StringBuilder(body);
        AppendOptions(text, options);
        text.Append('\n').Append(flow.Text("options_footer", language));
        return new OutboundMessage
        {
            Text = text.ToString(),
            Options = options,
            MenuLabel = options.Count > 3 ? flow.Text("menu_button", language) : null,
        };
    }

    public static OutboundMessage Plain(string text) => new() { Text = text };

    /// <summary>The aim for one message on a basic phone (and one SMS-sized chunk of three parts).</summary>
    public const int MaxMessageLength = 500;

    /// <summary>Packs lines into as few messages as fit <see cref="MaxMessageLength"/> each (lists, reports, DATA SAYA).</summary>
    public static IReadOnlyList<OutboundMessage> Pack(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var messages = new List<OutboundMessage>();
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            if (current.Length > 0 && current.Length + 1 + line.Length > MaxMessageLength)
            {
                messages.Add(Plain(current.ToString()));
                current.Clear();
            }

            current.Append(current.Length > 0 ? "\n" : "").Append(line);
        }

        if (current.Length > 0)
        {
            messages.Add(Plain(current.ToString()));
        }

        return messages;
    }

    /// <summary>Yes (1) / No (2) as options, worded by the flow.</summary>
    public static IReadOnlyList<ReplyOption> YesNoOptions(FlowDefinition flow, string language) =>
    [
        new("yes", flow.Text("answer_yes", language)),
        new("no", flow.Text("answer_no", language)),
    ];

    private static IReadOnlyList<ReplyOption> Options(FlowDefinition flow, FlowNode node, string language) => node.Expect switch
    {
        AnswerKind.Choice or AnswerKind.MultiChoice => node.Options.Select(o => new ReplyOption(o.Key, o.Label.Get(language))).ToList(),
        AnswerKind.YesNo => YesNoOptions(flow, language),
        _ => [],
    };

    private static void AppendOptions(StringBuilder text, IReadOnlyList<ReplyOption> options)
    {
        for (var i = 0; i < options.Count; i++)
        {
            text.Append(i == 0 ? "\n\n" : "\n")
                .Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(options[i].Label);
        }
    }
}
