using System.Globalization;
using OvopBot.ChatExports;
using OvopBot.Channels.Abstractions;
using OvopBot.Exports;
using OvopBot.Regions;

namespace OvopBot.Staff;

/// <summary>
/// The export dialog in the chat, for admins: kind (numbered) → area (a part of their scope by number, 0 for all of
/// it, or an official code typed within it) → the request is stored and the export worker sends the file. Typing a
/// region code works at any level, so a district or a single village needs no long list.
/// </summary>
public sealed class StaffExportDialog(RegionCatalog catalog)
{
    /// <summary>In the order the flow's <c>staff_export_kind</c> text numbers them.</summary>
    private static readonly ExportKind[] Kinds = [ExportKind.Submissions, ExportKind.Requests, ExportKind.Conversations, ExportKind.Contacts];

    public static StaffAnswer Start(StaffContext ctx, StaffState state)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(state);
        return Reply(state.Closed() with { Dialog = StaffState.ExportDialog, Step = "kind" }, ctx.Text("staff_export_kind"));
    }

    /// <param name="adminScopes">The regions the person administers; an export never reaches beyond them.</param>
    public StaffAnswer Continue(StaffContext ctx, StaffState state, IReadOnlyList<string> adminScopes, StaffCommand? command, string text)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(adminScopes);
        if (command == StaffCommand.Cancel)
        {
            return Reply(state.Closed(), ctx.Text("staff_export_cancelled"));
        }

        return state.Step switch
        {
            "kind" => ChooseKind(ctx, state, adminScopes, text),
            "area" => ChooseArea(ctx, state, adminScopes, text),
            _ => new StaffAnswer(null, state.Closed()),
        };
    }

    private StaffAnswer ChooseKind(StaffContext ctx, StaffState state, IReadOnlyList<string> adminScopes, string text)
    {
        if (StaffChoice.Number(text) is not { } n || n < 1 || n > Kinds.Length)
        {
            return Reply(state, ctx.Text("staff_choice_unclear"));
        }

        state = state with { Kind = Kinds[n - 1].ToString() };
        // One scope with a single part (a district admin): nothing to choose.
        if (adminScopes.Count == 1 && StaffAreas.PartsOf(catalog, adminScopes[0]).Take(2).Count() < 2)
        {
            return Queue(ctx, state, adminScopes[0]);
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
        return new StaffAnswer(StaffMessages.Pack(lines), state with { Step = "area", Areas = areas });
    }

    private StaffAnswer ChooseArea(StaffContext ctx, StaffState state, IReadOnlyList<string> adminScopes, string text)
    {
        var typed = text.Trim();
        // Only a dotted code is a code ("53.01.08"); a bare "21" is the 21st choice, not province 21.
        if (typed.Contains('.', StringComparison.Ordinal) && RegionCode.LevelOf(typed) is not null && catalog.Contains(typed))
        {
            return adminScopes.Any(scope => RegionCode.IsWithin(typed, scope))
                ? Queue(ctx, state, typed)
                : Reply(state, ctx.Text("staff_export_outside_scope", new Dictionary<string, string> { ["region"] = Name(typed) }));
        }

        return StaffChoice.Number(typed) switch
        {
            0 when adminScopes.Count == 1 => Queue(ctx, state, adminScopes[0]),
            { } n when n >= 1 && n <= state.Areas.Count => Queue(ctx, state, state.Areas[n - 1]),
            _ => Reply(state, ctx.Text("staff_choice_unclear")),
        };
    }

    private StaffAnswer Queue(StaffContext ctx, StaffState state, string region)
    {
        var kind = Enum.Parse<ExportKind>(state.Kind!);
        var request = new ChatExportRequest(kind, region, ctx.Language);
        var text = ctx.Text("staff_export_queued", new Dictionary<string, string>
        {
            ["kind"] = ctx.Text("staff_export_kind_" + kind.ToString().ToLowerInvariant()),
            ["region"] = Name(region),
        });
        return new StaffAnswer([new OutboundMessage { Text = text }], state.Closed(), request);
    }

    private string Name(string code) => catalog.Name(code) ?? code;

    private static StaffAnswer Reply(StaffState state, string text) => new([new OutboundMessage { Text = text }], state);
}
