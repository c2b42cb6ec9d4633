namespace OvopBot.Staff;

/// <summary>
/// A staff member's open dialog, stored as JSON in <c>staff_sessions</c>: which list page they are on, or how far a
/// broadcast has been composed. <see cref="LastBroadcastId"/> outlives dialogs so STATUS SIARAN works later.
/// </summary>
public sealed record StaffState
{
    public const string MissingDialog = "missing";
    public const string BroadcastDialog = "broadcast";
    public const string ExportDialog = "export";
    public const string ReviewDialog = "review";

    /// <summary>null (no dialog), <see cref="MissingDialog"/>, <see cref="BroadcastDialog"/> or <see cref="ExportDialog"/>.</summary>
    public string? Dialog { get; init; }

    /// <summary>1-based page of the missing-villages list.</summary>
    public int Page { get; init; }

    /// <summary>Broadcast step: target → area → text → preview → sent; export step: kind → area.</summary>
    public string? Step { get; init; }

    public string? Target { get; init; }

    /// <summary>The export kind chosen (export dialog).</summary>
    public string? Kind { get; init; }

    /// <summary>The region codes offered at the area step, in the order they were numbered.</summary>
    public IReadOnlyList<string> Areas { get; init; } = [];

    /// <summary>The region codes the broadcast goes to: one chosen area, or every scope of the person (0).</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    public long? DraftId { get; init; }

    public long? LastBroadcastId { get; init; }

    /// <summary>Review dialog: what the list numbered ("record:12", "proposal:3"), in order.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Review dialog: the record or proposal opened from the list, and which of its pages is shown (1-based).</summary>
    public string? Open { get; init; }

    public int OpenPage { get; init; }

    /// <summary>The state with no open dialog, keeping what outlives one.</summary>
    public StaffState Closed() => new() { LastBroadcastId = LastBroadcastId };
}
