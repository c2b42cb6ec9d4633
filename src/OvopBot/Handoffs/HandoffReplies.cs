using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Storage;

namespace OvopBot.Handoffs;

/// <summary>
/// A staff member's reply (the app's "Reply", <see cref="InboundMessage.ReplyToPlatformId"/>) to a forwarded question
/// is an answer to it: it reads as "BALAS &lt;id&gt; &lt;text&gt;", so it goes through the reply dialog of the staff
/// flow with the same checks (the question in their scope, the answer's length, an empty answer).
/// </summary>
public static class HandoffReplies
{
    /// <summary>The staff flow's reply command ("BALAS 12 text"), for a reply to a forwarded question; else null.</summary>
    public static string? AsReplyCommand(WriteTransaction write, FlowDefinition staffFlow, long staffContactId, InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(staffFlow);
        ArgumentNullException.ThrowIfNull(message);
        if (message.ReplyToPlatformId is not { Length: > 0 } repliedTo || message.Text is not { } text ||
            !staffFlow.StaffCommands.TryGetValue("reply", out var perLanguage) || perLanguage.Values.SelectMany(k => k).ToList() is not [var keyword, ..] keywords)
        {
            return null;
        }

        // Typed as BALAS anyway (replying to the message it answers): read as typed.
        if (HandoffReplyParser.Parse(text, keywords) is not null)
        {
            return null;
        }

        return HandoffStore.ForwardedAs(write, staffContactId, repliedTo) is { } id
            ? $"{keyword} {id.ToString(System.Globalization.CultureInfo.InvariantCulture)} {text.Trim()}"
            : null;
    }
}
