using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;

namespace OvopBot.Roles;

/// <summary>The reply to a code someone sent, worded by the flow's texts (<c>invite_*</c>, <c>role_*</c>).</summary>
public static class InviteReplies
{
    public static OutboundMessage For(FlowDefinition flow, string language, InviteRedemption redemption)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(redemption);
        var key = redemption.Outcome switch
        {
            InviteOutcome.Accepted => "invite_accepted",
            InviteOutcome.Used => "invite_used",
            InviteOutcome.Expired => "invite_expired",
            _ => "invite_unknown",
        };
        var values = new Dictionary<string, string>
        {
            ["role"] = redemption.Role is { } role ? flow.Text(RoleTextKey(role), language) : "",
            ["region"] = redemption.RegionName ?? "",
            ["code"] = redemption.RegionCode ?? "",
        };
        return new OutboundMessage { Text = flow.Text(key, language, values) };
    }

    public static string RoleTextKey(StaffRole role) => role == StaffRole.Admin ? "role_admin" : "role_facilitator";
}
