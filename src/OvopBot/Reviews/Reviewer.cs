namespace OvopBot.Reviews;

/// <summary>
/// Who reviews: a staff member in the chat or on the web (<see cref="ContactId"/>; their facilitator/admin regions
/// are read again at every step, so a revoked role stops them at once), or the operator on the command line (null:
/// the whole service area). <see cref="Name"/> is what the record keeps as its reviewer.
/// </summary>
public sealed record Reviewer(long? ContactId, string Name)
{
    public static Reviewer Operator(string name) => new(null, name);
}
