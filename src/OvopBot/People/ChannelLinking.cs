using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Flows.Actions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Roles;
using OvopBot.Staff;
using OvopBot.Storage;
using OvopBot.Understanding;

namespace OvopBot.People;

/// <summary>
/// What the conversation step does after <see cref="ChannelLinking.StepAsync"/>: nothing (<see cref="None"/>), say the
/// replies and stop (<see cref="Answered"/>), or say them and then let the engine carry on — greeting the person back
/// at their question when <see cref="Resume"/> (after a link, or after the person cancelled one).
/// </summary>
public sealed record LinkStep(IReadOnlyList<OutboundMessage> Replies, bool Answered, bool Resume)
{
    public static readonly LinkStep None = new([], false, false);

    /// <summary>Work the dialog's actions left for after the commit (waking the record owner's sender).</summary>
    public IReadOnlyList<Func<CancellationToken, Task>> AfterCommit { get; init; } = [];
}

/// <summary>
/// The linking stage of the router: linking a channel on purpose, the dialog of <c>flows/linking.yaml</c> on the dialog
/// engine. Someone writes a record's reference (OVOP-…) from a new channel (B); a one-time code goes to the contact that
/// owns the record (A), and B is asked to type it here; the right code within <see cref="CodeLifetime"/> joins B to
/// A's person (<see cref="PersonLinks"/>), whose conversation goes on from B. This class recognises what the dialog's
/// waits branch on (<see cref="DialogInputs"/>), steps the engine and keeps the contact's place in
/// <c>link_dialogs</c>, apart from any staff dialog; the actions (<see cref="LinkActions"/>) hold the security rules.
/// Runs inside the conversation step's write transaction, before everything else.
/// </summary>
public sealed partial class ChannelLinking(FlowCatalog flows, IOptions<ConversationOptions> options, FlowEngine engine, DialogActionRunner actions)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);
    public const int MaxAttempts = 5;
    public const int MaxRequestsPerDay = 3;
    private const int CodeLength = 6;

    /// <summary>The person's message seen by the linking dialog; see <see cref="LinkStep"/> for what comes next.</summary>
    public async Task<LinkStep> StepAsync(WriteTransaction write, StoredInbound stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(stored);
        var message = stored.Message;
        // A flows folder without the linking dialog does not offer linking.
        if (message.Kind is not (InboundKind.Text or InboundKind.Command) || !flows.TryGet(options.Value.LinkFlow, out _))
        {
            return LinkStep.None;
        }

        var text = TextCleaner.Clean(message.Text);
        var reference = Reference(text) is not null;
        var state = DialogStateStore.Load(write, stored.ContactId, DialogStateStore.Linking) ?? new DialogState();
        var flow = flows.For(options.Value.LinkFlow, message.Channel);
        var entry = flow.Entries.FirstOrDefault(e => e.Command == DialogInputs.Reference);
        if (!state.IsOpen && (!reference || entry is null))
        {
            return LinkStep.None;
        }

        var language = flow.LanguageOrDefault(
            ContactStore.Language(write, PersonLinks.Root(write, stored.ContactId)) ?? ContactStore.Language(write, stored.ContactId));
        // The person writing is not staff: no scopes.
        var person = new StaffMember(stored.ContactId, new ContactRef(message.Channel, message.Address).ToString(), language, [], []);
        var input = reference ? DialogInputs.Reference : Recognise(write, stored, flow, text, now);
        var turn = new DialogTurn(write, flow, person, text, input, now);
        var result = await actions.RunAsync(turn, state.IsOpen
            ? FlowEngine.ContinueDialog(flow, language, state, text, input)
            : FlowEngine.StartDialog(flow, language, entry!, state, text), cancellationToken);
        DialogStateStore.Save(write, stored.ContactId, result.State, now, DialogStateStore.Linking);
        return new LinkStep(result.Replies, Answered: result.Stop == DialogStop.Answered, Resume: result.Stop == DialogStop.Resumed)
        {
            AfterCommit = turn.AfterCommit,
        };
    }

    /// <summary>
    /// What a message to the waiting dialog is, in this order: the code's time ran out (or no code is awaited any
    /// more), 1 or a cancel word, a command of the registration flow (never a dead end: it is answered as usual), or
    /// nothing the dialog names (null: the code, or something else, for the dialog's next node).
    /// </summary>
    private string? Recognise(WriteTransaction write, StoredInbound stored, FlowDefinition flow, string text, DateTimeOffset now)
    {
        if (LinkRequests.Open(write, stored.ContactId) is not { } open || now >= open.ExpiresAt)
        {
            return DialogInputs.Expired;
        }

        var folded = TextCleaner.Fold(text);
        if (folded == "1" || (flow.Texts.ContainsKey("link_cancel_words")
                              && flow.Languages.SelectMany(l => flow.Text("link_cancel_words", l).Split(',')).Any(w => TextCleaner.Fold(w) == folded)))
        {
            return DialogInputs.Cancel;
        }

        return engine.Commands(flows.For(options.Value.Flow, stored.Message.Channel)).Match(text) is not null ? DialogInputs.Command : null;
    }

    /// <summary>The reference in a message ("OVOP-5301082003-1", "ovop 000042"), canonical, or null.</summary>
    public static string? Reference(string? text)
    {
        if (text is null || text.Length > 40 || InviteCode.Recognise(text) is not null)
        {
            return null;
        }

        var match = ReferenceShape().Match(text);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups[2].Success ? $"OVOP-{match.Groups[1].Value}-{match.Groups[2].Value}" : $"OVOP-{match.Groups[1].Value}";
    }

    /// <summary>Six digits, however spaced ("123 456", "123-456"), or null.</summary>
    internal static string? Code(string text)
    {
        if (text.Length > 20 || text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '.')))
        {
            return null;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == CodeLength ? digits : null;
    }

    [GeneratedRegex(@"^OVOP[\s\-_.]*(\d{6,13})(?:[\s\-_.]+(\d{1,5}))?[\s.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceShape();
}
