namespace OvopBot.Staff;

/// <summary>
/// The review's staff commands, whose keywords the registration flow defines under <c>staff_commands:</c> for the
/// older staff desk (every other staff command is a name in <c>flows/staff.yaml</c>).
/// </summary>
public enum StaffCommand
{
    Review,
    More,
    Approve,
    Fix,
    Accept,
    Reject,
}
