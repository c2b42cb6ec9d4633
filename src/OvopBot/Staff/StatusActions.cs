using System.Globalization;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Actions;
using OvopBot.Regions;

namespace OvopBot.Staff;

/// <summary>
/// The actions of the summary and missing-villages dialogs in <c>flows/staff.yaml</c>: the person's area by
/// district, and the villages not yet submitted, <see cref="PageSize"/> per page (LAGI, or a page number).
/// </summary>
[DialogAction("summary.report", Texts = ["staff_summary_header", "staff_summary_line", "staff_summary_footer"])]
[DialogAction("missing.page", Outcomes = ["none", "other"],
    Texts = ["staff_missing_header", "staff_missing_line", "staff_missing_contact", "staff_missing_no_contact", "staff_missing_more", "staff_missing_end"])]
public sealed class StatusActions(RegionStatusQuery status) : IDialogActions
{
    /// <summary>Villages per message of the missing list.</summary>
    public const int PageSize = 8;

    public async Task<ActionOutcome> ApplyAsync(string action, DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return action switch
        {
            "summary.report" => new ActionOutcome { Replies = await SummaryAsync(context, cancellationToken) },
            "missing.page" => await MissingPageAsync(context, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a status action"),
        };
    }

    private async Task<IReadOnlyList<OutboundMessage>> SummaryAsync(DialogActionContext ctx, CancellationToken cancellationToken)
    {
        var report = await status.ReportAsync(ctx.Staff.Scopes, cancellationToken);
        var lines = new List<string>();
        foreach (var regency in report.Regencies)
        {
            lines.Add(ctx.Text("staff_summary_header", Counts(regency.Counts, ("region", regency.Regency.Name))));
            lines.AddRange(regency.Districts.Select(d => ctx.Text("staff_summary_line", Counts(d.Counts, ("district", d.District.Name)))));
        }

        lines.Add(ctx.Text("staff_summary_footer"));
        return StaffMessages.Pack(lines);
    }

    /// <summary>Page 1 when the list is asked for, the next after LAGI, or the page typed; anything else is "other".</summary>
    private async Task<ActionOutcome> MissingPageAsync(DialogActionContext ctx, CancellationToken cancellationToken)
    {
        var current = int.TryParse(ctx.Value("page"), CultureInfo.InvariantCulture, out var p) ? p : 0;
        int page;
        if (ctx.Command == "more")
        {
            page = current + 1;
        }
        else if (ctx.Command is null && int.TryParse(ctx.Input.Trim().TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var typed) && typed > 0)
        {
            page = typed;
        }
        else if (current == 0)
        {
            page = 1;
        }
        else
        {
            return ActionOutcome.Of("other");
        }

        var missing = await status.MissingAsync(ctx.Staff.Scopes, cancellationToken);
        if (missing.Count == 0)
        {
            return ActionOutcome.Of("none");
        }

        var pages = (missing.Count + PageSize - 1) / PageSize;
        page = Math.Min(page, pages);
        var first = (page - 1) * PageSize;
        var rows = missing.Skip(first).Take(PageSize).ToList();
        var lines = new List<string>
        {
            ctx.Text("staff_missing_header", BroadcastActions.Numbers(("from", first + 1), ("to", first + rows.Count), ("total", missing.Count), ("page", page), ("pages", pages))),
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
        lines.Add(ctx.Text(page < pages ? "staff_missing_more" : "staff_missing_end", BroadcastActions.Numbers(("pages", pages))));
        return new ActionOutcome
        {
            Values = new Dictionary<string, string> { ["page"] = page.ToString(CultureInfo.InvariantCulture) },
            Replies = StaffMessages.Pack(lines),
        };
    }

    private static Dictionary<string, string> Counts(ProgressCounts counts, (string Key, string Value) name) => new()
    {
        [name.Key] = name.Value,
        ["total"] = counts.Villages.ToString(CultureInfo.InvariantCulture),
        ["submitted"] = counts.Submitted.ToString(CultureInfo.InvariantCulture),
        ["progress"] = counts.InProgress.ToString(CultureInfo.InvariantCulture),
        ["not_started"] = counts.NotStarted.ToString(CultureInfo.InvariantCulture),
    };
}
