namespace OvopBot.Flows.Engine;

/// <summary>
/// A timer input (goflow's <c>wait_timeout</c> resume): the clock, not the person, moves a waiting conversation. The
/// scheduler that notices the time passed only stores what the engine decides.
/// </summary>
/// <param name="Name"><see cref="Reminder"/> (the person has been silent at a question); later kinds add a name.</param>
public sealed record TimerFired(string Name)
{
    public const string Reminder = "reminder";
}
