using System.Globalization;
using OvopBot.Flows.Actions;
using OvopBot.Handoffs;
using OvopBot.Storage;

namespace OvopBot.Staff;

/// <summary>
/// The action of the reply dialog in <c>flows/staff.yaml</c>: "BALAS 12 text" from a facilitator or admin answers
/// question #12 forwarded by PENDAMPING. The answer is enqueued to the person and the question marked answered in the
/// message's transaction; the domain logic (who may answer, the person's wording) is <see cref="HandoffService"/>'s.
/// </summary>
[DialogAction("handoff.reply", Outcomes = ["usage", "too_long", "unknown"])]
public sealed class HandoffActions(HandoffService handoffs, Signals signals) : IDialogActions
{
    public async Task<ActionOutcome> ApplyAsync(string action, DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (action != "handoff.reply")
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "not a hand-off action");
        }

        var keywords = context.Flow.StaffCommands.TryGetValue("reply", out var perLanguage) ? perLanguage.Values.SelectMany(k => k) : [];
        var (id, text) = HandoffReplyParser.Parse(context.Input, keywords) ?? (0, "");
        var values = new Dictionary<string, string>
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture),
            ["max"] = HandoffService.MaxAnswerLength.ToString(CultureInfo.InvariantCulture),
        };
        if (id == 0 || text.Length == 0)
        {
            return new ActionOutcome { Outcome = "usage", Values = values };
        }

        if (text.Length > HandoffService.MaxAnswerLength)
        {
            return new ActionOutcome { Outcome = "too_long", Values = values };
        }

        if (await handoffs.FindForStaffAsync(id, context.Staff.ContactId, context.Staff.Scopes, cancellationToken) is null)
        {
            return new ActionOutcome { Outcome = "unknown", Values = values };
        }

        var channel = handoffs.Answer(context.Write, context.Staff.ContactId, new HandoffAnswer(id, text), context.Now);
        return new ActionOutcome
        {
            Values = values,
            AfterCommit = channel is null ? null : _ =>
            {
                signals.Outbox(channel).Notify();
                return Task.CompletedTask;
            },
        };
    }
}
