using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Flows.Actions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Roles;
using OvopBot.Storage;

namespace OvopBot.Staff;

/// <summary>
/// The staff stages of the router, inside the message's write transaction: first the person's open dialog of the
/// staff flow (<c>flows/staff.yaml</c>), then a staff command that starts one. The engine walks the flow; each action
/// it asks for is applied here by its handler and the engine resumes with the outcome. For anyone without a staff
/// role, and for a message neither stage takes, it answers null and the registration flow goes on.
/// </summary>
public sealed class StaffDialogs(FlowCatalog flows, IOptions<ConversationOptions> options, RoleStore roles, DialogActionRunner actions)
{
    private readonly PerFlow<StaffCommandMatcher> _matchers = new(flow => new StaffCommandMatcher(flow));

    /// <summary>The staff flow, when the flows folder has one.</summary>
    public FlowDefinition? Flow => flows.TryGet(options.Value.StaffFlow, out var flow) ? flow : null;

    public async Task<DialogAnswer?> TryAnswerAsync(WriteTransaction write, StoredInbound stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(stored);
        var message = stored.Message;
        if (Flow is not { } flow || message.Kind is not (InboundKind.Text or InboundKind.Command) || message.Text is not { Length: > 0 } text)
        {
            return null;
        }

        // Most messages come from people with neither a staff role nor an open dialog: that is checked on the write
        // connection, so they never open a second connection while the write lock is held.
        var loaded = DialogStateStore.Load(write, stored.ContactId);
        if (loaded is not { IsOpen: true } && !RoleStore.HoldsAnyRole(write, stored.ContactId))
        {
            return null;
        }

        var scopes = await roles.RegionsAsync(stored.ContactId, StaffRole.Facilitator, cancellationToken);
        if (scopes.Count == 0 && loaded is not { IsOpen: true })
        {
            return null;
        }

        loaded ??= new DialogState();
        var language = flow.LanguageOrDefault(ContactStore.Language(write, stored.ContactId));
        var staff = new StaffMember(stored.ContactId, new ContactRef(message.Channel, message.Address).ToString(), language, scopes,
            await roles.RegionsAsync(stored.ContactId, StaffRole.Admin, cancellationToken));
        // The app's "Reply" to a forwarded question is its answer, read as BALAS <id> <text>.
        var input = Handoffs.HandoffReplies.AsReplyCommand(write, flow, stored.ContactId, message) ?? text.Trim();
        var command = _matchers[flow].Match(input) ?? CommandWithWords(flow, input);
        var state = loaded;
        var turn = new DialogTurn(write, flow, staff, input, command, now);

        // Stage: the open dialog. Roles take effect at once: losing the role it was entered with resumes it with
        // role_revoked (a broadcast waiting for KIRIM is cancelled and the person told), which otherwise closes it.
        if (state.IsOpen)
        {
            var revoked = staff.ScopesFor(state.Role).Count == 0;
            var result = await actions.RunAsync(turn, FlowEngine.ContinueDialog(flow, language, state, input, revoked ? DialogRunner.RoleRevoked : command),
                cancellationToken);
            if (result.Stop != DialogStop.Passed || result.Replies.Count > 0)
            {
                return Answer(write, stored.ContactId, result.State, result.Replies, turn, now);
            }

            state = result.State;
        }

        // Stage: a staff command that starts a dialog (an aside one leaves the open dialog as it was).
        if (command is not null && flow.Entries.FirstOrDefault(e => e.Command == command) is { } entry && staff.ScopesFor(entry.Role).Count > 0)
        {
            var result = await actions.RunAsync(turn, FlowEngine.StartDialog(flow, language, entry, entry.Aside ? new DialogState { Kept = state.Kept } : state, input),
                cancellationToken);
            var next = entry.Aside ? state with { Kept = result.State.Kept } : result.State;
            return Answer(write, stored.ContactId, next, result.Replies, turn, now);
        }

        if (state != loaded)
        {
            DialogStateStore.Save(write, stored.ContactId, state, now);
        }

        return null;
    }

    /// <summary>A staff command whose entry takes words after its keyword ("BALAS 12 text"), or null.</summary>
    private string? CommandWithWords(FlowDefinition flow, string input) =>
        _matchers[flow].MatchWithRest(input) is { } rest && flow.Entries.Any(e => e.Command == rest.Command && e.Args) ? rest.Command : null;

    private static DialogAnswer Answer(WriteTransaction write, long contactId, DialogState state, IReadOnlyList<OutboundMessage> replies, DialogTurn turn,
        DateTimeOffset now)
    {
        DialogStateStore.Save(write, contactId, state, now);
        return new DialogAnswer(replies, turn.AfterCommit);
    }
}
