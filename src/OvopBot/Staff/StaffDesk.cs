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
/// Staff commands in the chat (summary, villages still missing, broadcasts; exports for admins), answered before the
/// engine for people with a facilitator or admin role; for everyone else, and for anything that is not a staff matter, it answers null
/// and the engine goes on as usual. It runs outside the message's write transaction because reports read the whole
/// store and a broadcast writes in its own batches; the processor stores the returned state with the message.
/// </summary>
public sealed class StaffDesk(SqliteDatabase database, FlowCatalog flows, IOptions<ConversationOptions> options, RoleStore roles,
    RegionStatusQuery status, StaffBroadcastDialog broadcasts, StaffExportDialog exports, StaffReviewDialog reviews, Web.WebLogin web)
{
    /// <summary>Villages per message of the missing list.</summary>
    public const int PageSize = 8;

    private readonly Dictionary<FlowDefinition, StaffCommandMatcher> _matchers = [];
    private readonly Lock _matchersLock = new();

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
            // Roles take effect at once: a dialog left open by someone whose role was revoked closes, and a broadcast
            // waiting for their KIRIM is cancelled, never sent.
            return state is { Dialog: not null } open ? await ClosedForRevokedAsync(flow, contactId, contact, open, cancellationToken) : null;
        }

        state ??= new StaffState();
        var ctx = new StaffContext(flow, await LanguageAsync(contactId, flow, cancellationToken), contactId, contact.ToString(), scopes);
        var command = Matcher(flow).Match(text.Trim());
        switch (command)
        {
            case StaffCommand.Review:
                return await reviews.ListAsync(ctx, state.Closed(), 1, cancellationToken);
            case StaffCommand.Summary:
                return new StaffAnswer(await SummaryAsync(ctx, cancellationToken), state.Closed());
            case StaffCommand.Missing:
                return await MissingPageAsync(ctx, state.Closed(), 1, cancellationToken);
            case StaffCommand.BroadcastStatus:
                return new StaffAnswer(await broadcasts.ProgressAsync(ctx, state.LastBroadcastId, cancellationToken), state);
            case StaffCommand.Broadcast:
                return broadcasts.Start(ctx, state);
            case StaffCommand.Web:
                // The dashboard's login link; the link logic is the web's (Web/WebLogin), only the words are here.
                return new StaffAnswer(await WebLinkAsync(ctx, cancellationToken), state);
            case StaffCommand.Export:
                // Admins only: a facilitator typing it gets the ordinary answer, like anyone without the role.
                return (await roles.RegionsAsync(contactId, StaffRole.Admin, cancellationToken)).Count == 0 ? null : StaffExportDialog.Start(ctx, state);
        }

        if (state.Dialog == StaffState.ExportDialog)
        {
            var adminScopes = await roles.RegionsAsync(contactId, StaffRole.Admin, cancellationToken);
            return adminScopes.Count == 0 ? new StaffAnswer(null, state.Closed()) : exports.Continue(ctx, state, adminScopes, command, text.Trim());
        }

        if (state.Dialog == StaffState.ReviewDialog)
        {
            return await reviews.ContinueAsync(ctx, state, command, Matcher(flow).MatchWithRest(text), text.Trim(), cancellationToken);
        }

        if (state.Dialog == StaffState.BroadcastDialog)
        {
            return await broadcasts.ContinueAsync(ctx, state, command, text.Trim(), cancellationToken);
        }

        if (state.Dialog == StaffState.MissingDialog)
        {
            if (command == StaffCommand.More)
            {
                return await MissingPageAsync(ctx, state, state.Page + 1, cancellationToken);
            }

            if (int.TryParse(text.Trim().TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0)
            {
                return await MissingPageAsync(ctx, state, page, cancellationToken);
            }

            // Anything else is for the registration: the list dialog closes and the engine answers.
            return new StaffAnswer(null, state.Closed());
        }

        return null;
    }

    private async Task<StaffAnswer> ClosedForRevokedAsync(FlowDefinition flow, long contactId, ContactRef contact, StaffState state,
        CancellationToken cancellationToken)
    {
        if (state.Dialog != StaffState.BroadcastDialog || state.DraftId is null)
        {
            return new StaffAnswer(null, state.Closed());
        }

        var ctx = new StaffContext(flow, await LanguageAsync(contactId, flow, cancellationToken), contactId, contact.ToString(), []);
        return await broadcasts.RefuseRevokedAsync(ctx, state, cancellationToken);
    }

    private async Task<IReadOnlyList<OutboundMessage>> SummaryAsync(StaffContext ctx, CancellationToken cancellationToken)
    {
        var report = await status.ReportAsync(ctx.Scopes, cancellationToken);
        var lines = new List<string>();
        foreach (var regency in report.Regencies)
        {
            lines.Add(ctx.Text("staff_summary_header", Counts(regency.Counts, ("region", regency.Regency.Name))));
            lines.AddRange(regency.Districts.Select(d => ctx.Text("staff_summary_line", Counts(d.Counts, ("district", d.District.Name)))));
        }

        lines.Add(ctx.Text("staff_summary_footer"));
        return StaffMessages.Pack(lines);
    }

    private async Task<StaffAnswer> MissingPageAsync(StaffContext ctx, StaffState state, int page, CancellationToken cancellationToken)
    {
        var missing = await status.MissingAsync(ctx.Scopes, cancellationToken);
        if (missing.Count == 0)
        {
            return new StaffAnswer([new OutboundMessage { Text = ctx.Text("staff_missing_none") }], state.Closed());
        }

        var pages = (missing.Count + PageSize - 1) / PageSize;
        page = Math.Min(page, pages);
        var first = (page - 1) * PageSize;
        var rows = missing.Skip(first).Take(PageSize).ToList();
        var lines = new List<string>
        {
            ctx.Text("staff_missing_header", V(("from", first + 1), ("to", first + rows.Count), ("total", missing.Count), ("page", page), ("pages", pages))),
        };
        lines.AddRange(rows.Select((m, i) => ctx.Text("staff_missing_line", new Dictionary<string, string>
        {
            ["n"] = (first + i + 1).ToString(CultureInfo.InvariantCulture),
            ["village"] = m.Location.Village.Name,
            ["district"] = m.Location.District.Name,
            ["contact"] = m.Contact is null
                ? ctx.Text("staff_missing_no_contact")
                : ctx.Text("staff_missing_contact", new Dictionary<string, string> { ["name"] = m.ContactName ?? m.Contact, ["phone"] = m.Phone ?? "" }).Trim(),
        })));
        lines.Add(ctx.Text(page < pages ? "staff_missing_more" : "staff_missing_end", V(("pages", pages))));
        return new StaffAnswer(StaffMessages.Pack(lines), state with { Dialog = StaffState.MissingDialog, Page = page });
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

    private static Dictionary<string, string> Counts(ProgressCounts counts, (string Key, string Value) name) => new()
    {
        [name.Key] = name.Value,
        ["total"] = counts.Villages.ToString(CultureInfo.InvariantCulture),
        ["submitted"] = counts.Submitted.ToString(CultureInfo.InvariantCulture),
        ["progress"] = counts.InProgress.ToString(CultureInfo.InvariantCulture),
        ["not_started"] = counts.NotStarted.ToString(CultureInfo.InvariantCulture),
    };

    internal static Dictionary<string, string> V(params (string Key, int Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value.ToString(CultureInfo.InvariantCulture));

    private async Task<string> LanguageAsync(long contactId, FlowDefinition flow, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var language = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT language FROM contacts WHERE id = @contactId", new { contactId }, cancellationToken: cancellationToken));
        return flow.LanguageOrDefault(language);
    }

    private StaffCommandMatcher Matcher(FlowDefinition flow)
    {
        lock (_matchersLock)
        {
            if (!_matchers.TryGetValue(flow, out var matcher))
            {
                matcher = new StaffCommandMatcher(flow);
                _matchers[flow] = matcher;
            }

            return matcher;
        }
    }
}
