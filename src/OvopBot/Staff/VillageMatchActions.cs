using System.Globalization;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Actions;
using OvopBot.Regions;

namespace OvopBot.Staff;

/// <summary>
/// The action of the match dialog in <c>flows/staff.yaml</c>: COCOKKAN alone lists the villages people typed that wait
/// for their official code (8 at most, oldest first); "COCOKKAN 12 CODE" gives registration 12 that village (a code
/// inside the facilitator's scope), written in the message's transaction.
/// </summary>
[DialogAction("village.match", Outcomes = ["listed", "none", "usage", "unknown", "bad_code"],
    Texts = ["staff_match_header", "staff_match_line", "staff_match_footer"])]
public sealed class VillageMatchActions(UnmatchedVillages villages) : IDialogActions
{
    private const int Shown = 8;

    public async Task<ActionOutcome> ApplyAsync(string action, DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (action != "village.match")
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "not a village action");
        }

        var words = Words(context);
        if (words.Length == 0)
        {
            return await ListAsync(context, cancellationToken);
        }

        var values = new Dictionary<string, string> { ["id"] = words[0].TrimStart('#'), ["code"] = words.Length > 1 ? words[1] : "" };
        if (words.Length != 2 || !long.TryParse(values["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new ActionOutcome { Outcome = "usage", Values = values };
        }

        return new ActionOutcome
        {
            Outcome = villages.Match(context.Write, id, words[1], context.Staff.Scopes, context.Now) switch
            {
                null => null,
                MatchRefusal.UnknownRegistration => "unknown",
                _ => "bad_code",
            },
            Values = values,
        };
    }

    /// <summary>The words after the keyword ("12 53.01.08.2006"); none for COCOKKAN alone.</summary>
    private static string[] Words(DialogActionContext context)
    {
        var trimmed = context.Input.Trim().TrimStart('/');
        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        return space < 0 ? [] : trimmed[(space + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<ActionOutcome> ListAsync(DialogActionContext ctx, CancellationToken cancellationToken)
    {
        var list = await villages.ListAsync(cancellationToken);
        if (list.Count == 0)
        {
            return ActionOutcome.Of("none");
        }

        var lines = new List<string> { ctx.Text("staff_match_header", new Dictionary<string, string> { ["total"] = list.Count.ToString(CultureInfo.InvariantCulture) }) };
        lines.AddRange(list.Take(Shown).Select(v => ctx.Text("staff_match_line", new Dictionary<string, string>
        {
            ["id"] = v.SubmissionId.ToString(CultureInfo.InvariantCulture),
            ["village"] = v.Typed.Length <= 40 ? v.Typed : v.Typed[..39] + "…",
            ["person"] = v.Person ?? "-",
        })));
        lines.Add(ctx.Text("staff_match_footer"));
        return new ActionOutcome { Outcome = "listed", Replies = StaffMessages.Pack(lines) };
    }
}
