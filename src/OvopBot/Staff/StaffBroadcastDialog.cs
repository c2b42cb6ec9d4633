using System.Globalization;
using OvopBot.Broadcasts;
using OvopBot.Channels.Abstractions;
using OvopBot.Regions;
using OvopBot.Roles;

namespace OvopBot.Staff;

/// <summary>
/// The broadcast dialog in the chat: target → area (a district or regency of the person's scopes, or 0 for all of
/// them) → text → preview → KIRIM/BATAL; the final report follows by itself when the broadcast is sent
/// (<see cref="BroadcastReportService"/>). Everything that matters (scope, text length, once per person, a second
/// confirmation doing nothing) is <see cref="BroadcastService"/>'s, the same rules as on the command line.
/// </summary>
public sealed class StaffBroadcastDialog(BroadcastService broadcasts, RegionCatalog catalog)
{
    private static readonly BroadcastTarget[] Targets = [BroadcastTarget.All, BroadcastTarget.Unfinished, BroadcastTarget.Finished, BroadcastTarget.NotStarted];

    public StaffAnswer Start(StaffContext ctx, StaffState state)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(state);
        return Reply(state.Closed() with { Dialog = StaffState.BroadcastDialog, Step = "target" }, ctx.Text("staff_broadcast_target"));
    }

    public async Task<StaffAnswer?> ContinueAsync(StaffContext ctx, StaffState state, StaffCommand? command, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Step == "sent")
        {
            // After KIRIM only a second KIRIM (refused: never twice) or BATAL (stop what is not sent yet) are ours.
            return command switch
            {
                StaffCommand.Confirm => Reply(state, ctx.Text("staff_broadcast_already_sent")),
                StaffCommand.Cancel when state.LastBroadcastId is { } sent => await CancelAsync(ctx, state, sent, cancellationToken),
                _ => new StaffAnswer(null, state.Closed()),
            };
        }

        if (command == StaffCommand.Cancel)
        {
            return state.DraftId is { } draft ? await CancelAsync(ctx, state, draft, cancellationToken) : Reply(state.Closed(), ctx.Text("staff_broadcast_cancelled"));
        }

        return state.Step switch
        {
            "target" => ChooseTarget(ctx, state, text),
            "area" => ChooseArea(ctx, state, text),
            "text" => await PrepareAsync(ctx, state, text, cancellationToken),
            "preview" when command == StaffCommand.Confirm => await ConfirmAsync(ctx, state, cancellationToken),
            _ => Reply(state, ctx.Text("staff_broadcast_confirm_hint")),
        };
    }

    public async Task<IReadOnlyList<OutboundMessage>> ProgressAsync(StaffContext ctx, long? broadcastId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (broadcastId is not { } id || await broadcasts.ProgressAsync(id, cancellationToken) is not { } p)
        {
            return [new OutboundMessage { Text = ctx.Text("staff_broadcast_none") }];
        }

        var values = StaffDesk.V(("sent", p.Sent), ("total", p.Total), ("failed", p.Failed), ("cancelled", p.Cancelled));
        return [new OutboundMessage { Text = ctx.Text(p.Done ? "staff_broadcast_done" : "staff_broadcast_progress", values) }];
    }

    private StaffAnswer ChooseTarget(StaffContext ctx, StaffState state, string text)
    {
        if (StaffChoice.Number(text) is not { } n || n < 1 || n > Targets.Length)
        {
            return Reply(state, ctx.Text("staff_choice_unclear"));
        }

        state = state with { Target = BroadcastTargets.ToText(Targets[n - 1]) };
        var areas = ctx.Scopes.SelectMany(scope => StaffAreas.PartsOf(catalog, scope)).Distinct(StringComparer.Ordinal).ToList();
        if (ctx.Scopes.Count == 1 && areas.Count <= 1)
        {
            return AskText(ctx, state with { Step = "text", Regions = [ctx.Scopes[0]] });
        }

        var lines = new List<string> { ctx.Text("staff_broadcast_area") };
        lines.AddRange(areas.Select((code, i) => ctx.Text("staff_broadcast_area_line", new Dictionary<string, string>
        {
            ["n"] = (i + 1).ToString(CultureInfo.InvariantCulture),
            ["name"] = catalog.Name(code) ?? code,
        })));
        return new StaffAnswer(StaffMessages.Pack(lines), state with { Step = "area", Areas = areas });
    }

    private StaffAnswer ChooseArea(StaffContext ctx, StaffState state, string text)
    {
        var n = StaffChoice.Number(text);
        if (n == 0)
        {
            // All of the person's areas, several scopes included: one broadcast, each person once.
            return AskText(ctx, state with { Step = "text", Regions = ctx.Scopes });
        }

        if (n is not { } i || i < 1 || i > state.Areas.Count)
        {
            return Reply(state, ctx.Text("staff_choice_unclear"));
        }

        return AskText(ctx, state with { Step = "text", Regions = [state.Areas[i - 1]] });
    }

    private async Task<StaffAnswer> PrepareAsync(StaffContext ctx, StaffState state, string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return Reply(state, ctx.Text("staff_broadcast_empty"));
        }

        if (text.Length > BroadcastService.MaxTextLength)
        {
            return Reply(state, ctx.Text("staff_broadcast_too_long", StaffDesk.V(("length", text.Length), ("max", BroadcastService.MaxTextLength))));
        }

        BroadcastTargets.TryParse(state.Target, out var target);
        BroadcastPreview preview;
        try
        {
            preview = await broadcasts.PrepareAsync(new BroadcastRequest(target, state.Regions, text, ctx.Author, ctx.ContactId, ReportToAuthor: true),
                StaffRole.Facilitator, cancellationToken);
        }
        catch (BroadcastRefusedException)
        {
            return Reply(state.Closed(), ctx.Text("staff_broadcast_refused"));
        }

        if (preview.Recipients == 0)
        {
            await broadcasts.CancelAsync(preview.Id, cancellationToken);
            return Reply(state.Closed(), ctx.Text("staff_broadcast_nobody"));
        }

        var values = StaffDesk.V(("recipients", preview.Recipients), ("opted_out", preview.SkippedOptedOut), ("unreachable", preview.SkippedUnreachable));
        values["channels"] = string.Join(", ", preview.RecipientsByChannel.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
        return new StaffAnswer(
            [
                new OutboundMessage { Text = ctx.Text("staff_broadcast_preview", new Dictionary<string, string> { ["text"] = text }) },
                new OutboundMessage
                {
                    Text = preview.SmsParts == 0
                        ? ctx.Text("staff_broadcast_recipients", values)
                        : ctx.Text("staff_broadcast_sms_cost", StaffDesk.V(("parts", preview.SmsParts))) + "\n" +
                          ctx.Text("staff_broadcast_recipients", values),
                },
            ],
            state with { Step = "preview", DraftId = preview.Id });
    }

    private async Task<StaffAnswer> ConfirmAsync(StaffContext ctx, StaffState state, CancellationToken cancellationToken)
    {
        var id = state.DraftId!.Value;
        var sent = state with { Step = "sent", DraftId = null, LastBroadcastId = id };
        bool confirmed;
        try
        {
            confirmed = await broadcasts.ConfirmAsAsync(id, ctx.ContactId, StaffRole.Facilitator, cancellationToken);
        }
        catch (BroadcastRefusedException)
        {
            return Reply(state.Closed(), ctx.Text("staff_broadcast_refused"));
        }

        if (!confirmed)
        {
            return Reply(sent, ctx.Text("staff_broadcast_already_sent"));
        }

        var total = (await broadcasts.ProgressAsync(id, cancellationToken))?.Total ?? 0;
        return Reply(sent, ctx.Text("staff_broadcast_queued", StaffDesk.V(("total", total))));
    }

    /// <summary>The author lost every staff role: a draft they left waiting is cancelled, never sent.</summary>
    public async Task<StaffAnswer> RefuseRevokedAsync(StaffContext ctx, StaffState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(state);
        if (state.DraftId is { } draft)
        {
            await broadcasts.CancelAsync(draft, cancellationToken);
        }

        return Reply(state.Closed(), ctx.Text("staff_broadcast_refused"));
    }

    private async Task<StaffAnswer> CancelAsync(StaffContext ctx, StaffState state, long id, CancellationToken cancellationToken)
    {
        await broadcasts.CancelAsync(id, cancellationToken);
        return Reply(state.Closed(), ctx.Text("staff_broadcast_cancelled"));
    }

    private static StaffAnswer AskText(StaffContext ctx, StaffState state) =>
        Reply(state, ctx.Text("staff_broadcast_text", StaffDesk.V(("max", BroadcastService.MaxTextLength))));

    private static StaffAnswer Reply(StaffState state, string text) => new([new OutboundMessage { Text = text }], state);
}
