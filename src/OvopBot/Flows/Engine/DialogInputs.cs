namespace OvopBot.Flows.Engine;

/// <summary>
/// What the router of a dialog anyone may enter (<c>kind: dialog</c>, linking a channel) recognises in a message
/// before the dialog reads it, like goflow's router cases: the names an entry (<c>entries:</c>) or a waiting node's
/// <c>on:</c> may use. A message none of them fits goes to the waiting node's <c>next</c>.
/// </summary>
public static class DialogInputs
{
    /// <summary>A record's reference (OVOP-…): starts the linking dialog, and asks a new code while one is awaited.</summary>
    public const string Reference = "reference";

    /// <summary>The wait's time ran out (the code expired, or nothing is awaited any more) before this message came.</summary>
    public const string Expired = "expired";

    /// <summary>1, or a cancel word of the flow (<c>link_cancel_words</c>: BATAL, CANCEL).</summary>
    public const string Cancel = "cancel";

    /// <summary>A command of the registration flow (PENDAMPING, BANTUAN, HAPUS DATA…): the dialog gives way to it.</summary>
    public const string Command = "command";

    /// <summary>The inputs an entry may start at.</summary>
    public static readonly IReadOnlyList<string> Entries = [Reference];

    /// <summary>The inputs a waiting node may branch on.</summary>
    public static readonly IReadOnlyList<string> All = [Reference, Expired, Cancel, Command];
}
