using OvopBot.Flows.Definition;
using OvopBot.Storage;

namespace OvopBot.Flows.Actions;

/// <summary>
/// Everything an action may use: the transaction to write in (committed with the step's reply and state), who is
/// asking, the message, and the dialog's values so far. Reads may use their own connections; writes go through
/// <see cref="Write"/> only.
/// </summary>
public sealed record DialogActionContext(WriteTransaction Write, FlowDefinition Flow, StaffMember Staff, string Input, string? Command,
    IReadOnlyDictionary<string, string> Values, DateTimeOffset Now)
{
    public string Language => Staff.Language;

    /// <summary>A shared text of the staff flow in the person's language.</summary>
    public string Text(string key, IReadOnlyDictionary<string, string>? values = null) => Flow.Text(key, Language, values);

    public string? Value(string key) => Values.TryGetValue(key, out var value) ? value : null;
}
