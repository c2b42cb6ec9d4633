using System.Globalization;
using OvopBot.Broadcasts;
using OvopBot.Flows.Actions;
using OvopBot.Regions;
using OvopBot.Roles;

namespace OvopBot.Staff;

/// <summary>
/// The actions of the broadcast dialog in <c>flows/staff.yaml</c> (target → area → text → preview → KIRIM/BATAL).
/// Everything that matters (scope, text length, once per person, a second confirmation doing nothing) is
/// <see cref="BroadcastService"/>'s, the same rules as on the command line. The draft, the confirmation and a
/// cancellation are written in the message's transaction; the rows of a confirmed broadcast are added in batches
/// right after it commits (a crash in between is finished by <see cref="BroadcastRecoveryService"/>).
/// </summary>
[DialogAction("broadcast.target", Outcomes = ["unclear", "one_area"], Texts = ["staff_broadcast_area", "staff_broadcast_area_line"])]
[DialogAction("broadcast.area", Outcomes = ["unclear"])]
[DialogAction("broadcast.preview", Outcomes = ["empty", "too_long", "refused", "nobody"], Texts = ["staff_broadcast_sms_cost"])]
[DialogAction("broadcast.enqueue", Outcomes = ["already_sent", "refused"])]
[DialogAction("broadcast.cancel")]
[DialogAction("broadcast.status", Texts = ["staff_broadcast_none", "staff_broadcast_progress", "staff_broadcast_done"])]
public sealed class BroadcastActions(BroadcastService broadcasts, RegionCatalog catalog) : IDialogActions
{
    /// <summary>In the order the flow's target question numbers them.</summary>
    private static readonly BroadcastTarget[] Targets = [BroadcastTarget.All, BroadcastTarget.Unfinished, BroadcastTarget.Finished, BroadcastTarget.NotStarted];

    /// <summary>Kept after the dialog: STATUS SIARAN reports on it later.</summary>
    public const string LastBroadcast = "last_broadcast";

    public async Task<ActionOutcome> ApplyAsync(string action, DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return action switch
        {
            "broadcast.target" => ChooseTarget(context),
            "broadcast.area" => ChooseArea(context),
            "broadcast.preview" => await PrepareAsync(context, cancellationToken),
            "broadcast.enqueue" => await ConfirmAsync(context, cancellationToken),
            "broadcast.cancel" => await CancelAsync(context, cancellationToken),
            "broadcast.status" => await StatusAsync(context, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a broadcast action"),
        };
    }

    private ActionOutcome ChooseTarget(DialogActionContext ctx)
    {
        if (StaffChoice.Number(ctx.Input) is not { } n || n < 1 || n > Targets.Length)
        {
            return ActionOutcome.Of("unclear");
        }

        var scopes = ctx.Staff.Scopes;
        var areas = scopes.SelectMany(scope => StaffAreas.PartsOf(catalog, scope)).Distinct(StringComparer.Ordinal).ToList();
        var values = new Dictionary<string, string>
        {
            ["target"] = BroadcastTargets.ToText(Targets[n - 1]),
            ["max"] = BroadcastService.MaxTextLength.ToString(CultureInfo.InvariantCulture),
        };
        if (scopes.Count == 1 && areas.Count <= 1)
        {
            values["regions"] = scopes[0];
            return new ActionOutcome { Outcome = "one_area", Values = values };
        }

        values["areas"] = string.Join(',', areas);
        var lines = new List<string> { ctx.Text("staff_broadcast_area") };
        lines.AddRange(areas.Select((code, i) => ctx.Text("staff_broadcast_area_line", new Dictionary<string, string>
        {
            ["n"] = (i + 1).ToString(CultureInfo.InvariantCulture),
            ["name"] = catalog.Name(code) ?? code,
        })));
        return new ActionOutcome { Values = values, Replies = StaffMessages.Pack(lines) };
    }

    private static ActionOutcome ChooseArea(DialogActionContext ctx)
    {
        var areas = StaffAreas.Split(ctx.Value("areas"));
        return StaffChoice.Number(ctx.Input) switch
        {
            // All of the person's areas, several scopes included: one broadcast, each person once.
            0 => Regions(ctx.Staff.Scopes),
            { } i when i >= 1 && i <= areas.Count => Regions([areas[i - 1]]),
            _ => ActionOutcome.Of("unclear"),
        };

        static ActionOutcome Regions(IReadOnlyList<string> codes) => new() { Values = new Dictionary<string, string> { ["regions"] = string.Join(',', codes) } };
    }

    private async Task<ActionOutcome> PrepareAsync(DialogActionContext ctx, CancellationToken cancellationToken)
    {
        var text = ctx.Input.Trim();
        if (text.Length == 0)
        {
            return ActionOutcome.Of("empty");
        }

        if (text.Length > BroadcastService.MaxTextLength)
        {
            return new ActionOutcome { Outcome = "too_long", Values = Numbers(("length", text.Length), ("max", BroadcastService.MaxTextLength)) };
        }

        BroadcastTargets.TryParse(ctx.Value("target"), out var target);
        BroadcastPreview preview;
        try
        {
            var request = new BroadcastRequest(target, StaffAreas.Split(ctx.Value("regions")), text, ctx.Staff.Author, ctx.Staff.ContactId, ReportToAuthor: true);
            preview = await broadcasts.PrepareAsync(request, StaffRole.Facilitator, cancellationToken, ctx.Write);
        }
        catch (BroadcastRefusedException)
        {
            return ActionOutcome.Of("refused");
        }

        if (preview.Recipients == 0)
        {
            await BroadcastStore.CancelAsync(ctx.Write, preview.Id, ctx.Now, cancellationToken);
            return ActionOutcome.Of("nobody");
        }

        var values = Numbers(("recipients", preview.Recipients), ("opted_out", preview.SkippedOptedOut), ("unreachable", preview.SkippedUnreachable),
            ("broadcast", checked((int)preview.Id)));
        values["channels"] = string.Join(", ", preview.RecipientsByChannel.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
        values["text"] = text;
        // SMS is paid per part: the preview says what the broadcast costs before KIRIM (nothing when nobody reads SMS).
        values["sms_cost"] = preview.SmsParts == 0 ? "" : ctx.Text("staff_broadcast_sms_cost", Numbers(("parts", preview.SmsParts))) + "\n";
        return new ActionOutcome { Values = values };
    }

    private async Task<ActionOutcome> ConfirmAsync(DialogActionContext ctx, CancellationToken cancellationToken)
    {
        var id = long.Parse(ctx.Value("broadcast")!, CultureInfo.InvariantCulture);
        // Roles take effect at once: an area no longer the author's since the preview cancels the draft, never sent.
        if (StaffAreas.Split(ctx.Value("regions")).Any(code => !ctx.Staff.Scopes.Any(scope => RegionCode.IsWithin(code, scope))))
        {
            await BroadcastStore.CancelAsync(ctx.Write, id, ctx.Now, cancellationToken);
            return ActionOutcome.Of("refused");
        }

        var kept = new Dictionary<string, string> { [LastBroadcast] = id.ToString(CultureInfo.InvariantCulture) };
        if (!await BroadcastStore.ConfirmAsync(ctx.Write, id, ctx.Now, cancellationToken))
        {
            return new ActionOutcome { Outcome = "already_sent", Kept = kept };
        }

        // The preview's count: the rows are added right after this transaction commits.
        return new ActionOutcome
        {
            Values = new Dictionary<string, string> { ["total"] = ctx.Value("recipients") ?? "0" },
            Kept = kept,
            AfterCommit = token => broadcasts.EnqueueConfirmedAsync(id, token),
        };
    }

    private static async Task<ActionOutcome> CancelAsync(DialogActionContext ctx, CancellationToken cancellationToken)
    {
        if (ctx.Value("broadcast") is { } id)
        {
            await BroadcastStore.CancelAsync(ctx.Write, long.Parse(id, CultureInfo.InvariantCulture), ctx.Now, cancellationToken);
        }

        return ActionOutcome.Next;
    }

    private static async Task<ActionOutcome> StatusAsync(DialogActionContext ctx, CancellationToken cancellationToken)
    {
        if (ctx.Value(LastBroadcast) is not { } id
            || await BroadcastStore.ProgressAsync(ctx.Write.Connection, ctx.Write.Transaction, long.Parse(id, CultureInfo.InvariantCulture), cancellationToken) is not { } p)
        {
            return Say(ctx.Text("staff_broadcast_none"));
        }

        var values = Numbers(("sent", p.Sent), ("total", p.Total), ("failed", p.Failed), ("cancelled", p.Cancelled));
        return Say(ctx.Text(p.Done ? "staff_broadcast_done" : "staff_broadcast_progress", values));
    }

    private static ActionOutcome Say(string text) => new() { Replies = [new Channels.Abstractions.OutboundMessage { Text = text }] };

    internal static Dictionary<string, string> Numbers(params (string Key, int Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value.ToString(CultureInfo.InvariantCulture));
}
