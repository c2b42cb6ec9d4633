using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Loading;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Storage;

namespace OvopBot.Staff;

/// <summary>
/// The older staff desk, kept for the commands not yet ported to <c>flows/staff.yaml</c>: the dashboard's login link
/// (WEB) and the review of records (PERIKSA …, issue 14), with their keywords in the registration flow's
/// <c>staff_commands</c>. The router asks it after the staff dialogs; it answers null for anything else. Porting it is
/// YAML plus one action handler class (flows/README.md, "Adding a staff dialog").
/// </summary>
public sealed class StaffDesk(SqliteDatabase database, FlowCatalog flows, IOptions<ConversationOptions> options, RoleStore roles,
    StaffReviewDialog reviews, Web.WebLogin web)
{
    private readonly PerFlow<StaffCommandMatcher> _matchers = new(flow => new StaffCommandMatcher(flow));

    public async Task<StaffAnswer?> TryHandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var flow = flows[options.Value.Flow];
        if (message.Kind is not (InboundKind.Text or InboundKind.Command) || message.Text is not { Length: > 0 } text || flow.StaffCommands.Count == 0)
        {
            return null;
        }

        var contact = new ContactRef(message.Channel, message.Address);
        if (await roles.ContactIdAsync(contact, cancellationToken) is not { } contactId)
        {
            return null;
        }

        var scopes = await roles.RegionsAsync(contactId, StaffRole.Facilitator, cancellationToken);
        if (scopes.Count == 0)
        {
            return null;
        }

        var state = await StaffStateStore.LoadAsync(database, contactId, cancellationToken) ?? new StaffState();
        var ctx = new StaffContext(flow, await LanguageAsync(contactId, flow, cancellationToken), contactId, contact.ToString(), scopes);
        var command = Legacy(_matchers[flow].Match(text.Trim()));
        switch (command)
        {
            case StaffCommand.Review:
                return await reviews.ListAsync(ctx, state.Closed(), 1, cancellationToken);
            case StaffCommand.Web:
                // The dashboard's login link; the link logic is the web's (Web/WebLogin), only the words are here.
                return new StaffAnswer(await WebLinkAsync(ctx, cancellationToken), state);
        }

        if (state.Dialog == StaffState.ReviewDialog)
        {
            return await reviews.ContinueAsync(ctx, state, command, _matchers[flow].MatchWithRest(text) is { } rest && Legacy(rest.Command) is { } c ? (c, rest.Words) : null, text.Trim(), cancellationToken);
        }

        return null;
    }

    private async Task<IReadOnlyList<OutboundMessage>> WebLinkAsync(StaffContext ctx, CancellationToken cancellationToken)
    {
        var link = await web.CreateLinkAsync(ctx.ContactId, cancellationToken);
        return link is null
            ? []
            : [new OutboundMessage { Text = ctx.Text("staff_web_link", new Dictionary<string, string>
            {
                ["link"] = link.Url,
                ["dashboard"] = web.DashboardUrl,
                ["minutes"] = web.LinkMinutes.ToString(CultureInfo.InvariantCulture),
            }) }];
    }

    internal static Dictionary<string, string> V(params (string Key, int Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value.ToString(CultureInfo.InvariantCulture));

    private async Task<string> LanguageAsync(long contactId, FlowDefinition flow, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var language = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT language FROM contacts WHERE id = @contactId", new { contactId }, cancellationToken: cancellationToken));
        return flow.LanguageOrDefault(language);
    }

    /// <summary>The desk's own enum for a staff command name of the flow ("broadcast_status" → BroadcastStatus).</summary>
    private static StaffCommand? Legacy(string? name) =>
        name is not null && Enum.TryParse<StaffCommand>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var command) ? command : null;
}
