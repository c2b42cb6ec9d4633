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
/// The older staff desk, kept for the one dialog not yet ported to <c>flows/staff.yaml</c>: the review of records
/// (PERIKSA, SETUJU, PERBAIKI, TERIMA, TOLAK; issue 14), with its keywords in the registration flow's
/// <c>staff_commands</c>. The router asks it after the staff dialogs; it answers null for anything else. Porting it is
/// YAML plus one action handler class (flows/README.md, "Adding a staff dialog").
/// </summary>
public sealed class StaffDesk(SqliteDatabase database, FlowCatalog flows, IOptions<ConversationOptions> options, RoleStore roles,
    StaffReviewDialog reviews)
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
        var state = await StaffStateStore.LoadAsync(database, contactId, cancellationToken);
        if (scopes.Count == 0)
        {
            // Roles take effect at once: a review left open by someone whose role was revoked closes (the staff flow's
            // dialogs close in StaffDialogs, a broadcast waiting for KIRIM cancelled).
            return state is { Dialog: not null } open ? new StaffAnswer(null, open.Closed()) : null;
        }

        state ??= new StaffState();
        var ctx = new StaffContext(flow, await LanguageAsync(contactId, flow, cancellationToken), contactId, contact.ToString(), scopes);
        var command = Legacy(_matchers[flow].Match(text.Trim()));
        if (command == StaffCommand.Review)
        {
            return await reviews.ListAsync(ctx, state.Closed(), 1, cancellationToken) with { Command = true };
        }

        if (state.Dialog == StaffState.ReviewDialog)
        {
            return await reviews.ContinueAsync(ctx, state, command, _matchers[flow].MatchWithRest(text) is { } rest && Legacy(rest.Command) is { } c ? (c, rest.Words) : null, text.Trim(), cancellationToken);
        }

        return null;
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
