namespace OvopBot.Staff;

/// <summary>The staff commands whose keywords a flow defines under <c>staff_commands:</c>.</summary>
public enum StaffCommand
{
    Summary,
    Missing,
    Broadcast,
    BroadcastStatus,
    Export,
    Web,
    More,
    Confirm,
    Cancel,
    Review,
    Approve,
    Fix,
    Accept,
    Reject,
    /// <summary>BALAS id text: answers a village head's question (see Handoffs).</summary>
    Reply,
    /// <summary>COCOKKAN [id code]: villages kept as typed, and matching one to the official list.</summary>
    Match,
}
