namespace OvopBot.Flows.Engine;

/// <summary>
/// One person's place in a dialog flow (a staff member's in the staff flow, anyone's in the linking dialog), stored as
/// JSON beside (not inside) their registration session: the node waiting for their next message (null: no dialog
/// open), the role the dialog needs, the dialog's values (answers typed, numbered areas, the draft broadcast, the
/// reference being linked), and the values kept after it ends (the last broadcast).
/// </summary>
public sealed record DialogState
{
    public string? NodeId { get; init; }

    /// <summary>The role the dialog was entered with; losing it closes the dialog.</summary>
    public string Role { get; init; } = "facilitator";

    public Dictionary<string, string> Values { get; init; } = [];

    public Dictionary<string, string> Kept { get; init; } = [];

    public bool IsOpen => NodeId is not null;

    /// <summary>No dialog open; what outlives dialogs stays.</summary>
    public DialogState Closed() => new() { Kept = Kept };

    /// <summary>Dialog values over kept ones, for texts and actions.</summary>
    public IReadOnlyDictionary<string, string> AllValues()
    {
        var all = new Dictionary<string, string>(Kept, StringComparer.Ordinal);
        foreach (var (key, value) in Values)
        {
            all[key] = value;
        }

        return all;
    }
}
