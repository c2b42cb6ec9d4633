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
}
