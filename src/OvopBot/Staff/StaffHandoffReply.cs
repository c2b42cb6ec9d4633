using OvopBot.Channels.Abstractions;
using OvopBot.Handoffs;

namespace OvopBot.Staff;

/// <summary>
/// The one place where today's staff desk meets the hand-offs: "BALAS 12 text" from a facilitator or admin becomes a
/// <see cref="HandoffAnswer"/> that the conversation processor commits with the staff message. (When staff dialogs
/// become flows, this moves there; the domain logic stays in <see cref="HandoffService"/>.)
/// </summary>
public sealed class StaffHandoffReply(HandoffService handoffs)
{
    public async Task<StaffAnswer?> TryAnswerAsync(StaffContext ctx, StaffState state, string text, CancellationToken cancellationToken)
    {
        if (!ctx.Flow.StaffCommands.TryGetValue("reply", out var perLanguage) ||
            HandoffReplyParser.Parse(text, perLanguage.Values.SelectMany(k => k)) is not { } reply)
        {
            return null;
        }

        var id = new Dictionary<string, string> { ["id"] = reply.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (reply.Id == 0 || reply.Text.Length == 0)
        {
            return Say(ctx, state, "staff_handoff_usage", id);
        }

        if (reply.Text.Length > HandoffService.MaxAnswerLength)
        {
            return Say(ctx, state, "staff_handoff_too_long", new Dictionary<string, string>
            {
                ["max"] = HandoffService.MaxAnswerLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        if (await handoffs.FindForStaffAsync(reply.Id, ctx.ContactId, ctx.Scopes, cancellationToken) is null)
        {
            return Say(ctx, state, "staff_handoff_unknown", id);
        }

        return new StaffAnswer([new OutboundMessage { Text = ctx.Text("staff_handoff_sent", id) }], state, Handoff: new HandoffAnswer(reply.Id, reply.Text));
    }

    private static StaffAnswer Say(StaffContext ctx, StaffState state, string key, IReadOnlyDictionary<string, string> values) =>
        new([new OutboundMessage { Text = ctx.Text(key, values) }], state);
}
