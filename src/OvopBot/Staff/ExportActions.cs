using System.Globalization;
using OvopBot.ChatExports;
using OvopBot.Exports;
using OvopBot.Flows.Actions;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Staff;

/// <summary>
/// The actions of the export dialog in <c>flows/staff.yaml</c>, for admins: kind (numbered) → area (a part of their
/// scope by number, 0 for all of it, or an official code typed within it) → the request is stored in the message's
/// transaction and the export worker sends the file. Typing a region code works at any level, so a district or a
/// single village needs no long list.
/// </summary>
[DialogAction("export.kind", Outcomes = ["unclear", "requested"], Texts = ["staff_export_area", "staff_export_area_all", "staff_export_area_line"])]
[DialogAction("export.request", Outcomes = ["unclear", "outside", "requested"])]
public sealed class ExportActions(RegionCatalog catalog, Signals signals) : IDialogActions
{
    /// <summary>In the order the flow's kind question numbers them.</summary>
    private static readonly ExportKind[] Kinds = [ExportKind.Submissions, ExportKind.Requests, ExportKind.Conversations, ExportKind.Contacts];

    public Task<ActionOutcome> ApplyAsync(string action, DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(action switch
        {
            "export.kind" => ChooseKind(context),
            "export.request" => ChooseArea(context),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not an export action"),
        });
    }

    private ActionOutcome ChooseKind(DialogActionContext ctx)
    {
        if (StaffChoice.Number(ctx.Input) is not { } n || n < 1 || n > Kinds.Length)
        {
            return ActionOutcome.Of("unclear");
        }

        var kind = Kinds[n - 1];
        var adminScopes = ctx.Staff.AdminScopes;
        // One scope with a single part (a district admin): nothing to choose.
        if (adminScopes.Count == 1 && StaffAreas.PartsOf(catalog, adminScopes[0]).Take(2).Count() < 2)
        {
            return Request(ctx, kind, adminScopes[0]);
        }

        // One scope: 0 is all of it and its parts are numbered. Several scopes: the scopes themselves are numbered.
        var areas = adminScopes.Count == 1 ? StaffAreas.PartsOf(catalog, adminScopes[0]).ToList() : adminScopes.ToList();
        var lines = new List<string> { ctx.Text("staff_export_area") };
        if (adminScopes.Count == 1)
        {
            lines.Add(ctx.Text("staff_export_area_all", new Dictionary<string, string> { ["name"] = Name(adminScopes[0]) }));
        }

        lines.AddRange(areas.Select((code, i) => ctx.Text("staff_export_area_line", new Dictionary<string, string>
        {
            ["n"] = (i + 1).ToString(CultureInfo.InvariantCulture),
            ["name"] = Name(code),
        })));
        return new ActionOutcome
        {
            Values = new Dictionary<string, string> { ["kind"] = kind.ToString(), ["areas"] = string.Join(',', areas) },
            Replies = StaffMessages.Pack(lines),
        };
    }

    private ActionOutcome ChooseArea(DialogActionContext ctx)
    {
        var kind = Enum.Parse<ExportKind>(ctx.Value("kind")!);
        var adminScopes = ctx.Staff.AdminScopes;
        var areas = StaffAreas.Split(ctx.Value("areas"));
        var typed = ctx.Input.Trim();
        // Only a dotted code is a code ("53.01.08"); a bare "21" is the 21st choice, not province 21.
        if (typed.Contains('.', StringComparison.Ordinal) && RegionCode.LevelOf(typed) is not null && catalog.Contains(typed))
        {
            return adminScopes.Any(scope => RegionCode.IsWithin(typed, scope))
                ? Request(ctx, kind, typed)
                : new ActionOutcome { Outcome = "outside", Values = new Dictionary<string, string> { ["region"] = Name(typed) } };
        }

        return StaffChoice.Number(typed) switch
        {
            0 when adminScopes.Count == 1 => Request(ctx, kind, adminScopes[0]),
            { } n when n >= 1 && n <= areas.Count => Request(ctx, kind, areas[n - 1]),
            _ => ActionOutcome.Of("unclear"),
        };
    }

    /// <summary>Stores the request with the message (a re-delivered message never asks twice) and wakes the worker after the commit.</summary>
    private ActionOutcome Request(DialogActionContext ctx, ExportKind kind, string region)
    {
        ChatExportStore.Enqueue(ctx.Write, ctx.Staff.ContactId, new ChatExportRequest(kind, region, ctx.Language), ctx.Now);
        return new ActionOutcome
        {
            Outcome = "requested",
            Values = new Dictionary<string, string>
            {
                ["kind"] = ctx.Text("staff_export_kind_" + kind.ToString().ToLowerInvariant()),
                ["region"] = Name(region),
            },
            AfterCommit = _ =>
            {
                signals.ChatExports.Notify();
                return Task.CompletedTask;
            },
        };
    }

    private string Name(string code) => catalog.Name(code) ?? code;
}
