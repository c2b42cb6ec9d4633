using System.Globalization;
using OvopBot.Flows.Actions;
using OvopBot.Web;

namespace OvopBot.Staff;

/// <summary>
/// The action of the web dialog in <c>flows/staff.yaml</c>: WEB / MASUK gives a one-time login link to the dashboard,
/// stored in the message's transaction. The link logic is the web's (<see cref="WebLogin"/>); only the words are the flow's.
/// </summary>
[DialogAction("web.link", Outcomes = ["none"])]
public sealed class WebLinkActions(WebLogin web) : IDialogActions
{
    public async Task<ActionOutcome> ApplyAsync(string action, DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (action != "web.link")
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "not a web action");
        }

        return await web.CreateLinkAsync(context.Write, context.Staff.ContactId, cancellationToken) is not { } link
            ? ActionOutcome.Of("none")
            : new ActionOutcome
            {
                Values = new Dictionary<string, string>
                {
                    ["link"] = link.Url,
                    ["dashboard"] = web.DashboardUrl,
                    ["minutes"] = web.LinkMinutes.ToString(CultureInfo.InvariantCulture),
                },
            };
    }
}
