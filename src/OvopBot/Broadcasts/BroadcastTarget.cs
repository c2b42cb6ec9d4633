namespace OvopBot.Broadcasts;

/// <summary>
/// Who a broadcast goes to, among the people whose registration names a village in the region. "Unfinished"
/// is about the person (they have not submitted); "not started" is about the village (nobody has submitted for it),
/// so a facilitator can nudge every village still missing even when someone else began its registration.
/// </summary>
public enum BroadcastTarget
{
    All,
    Unfinished,
    Finished,
    NotStarted,
}
