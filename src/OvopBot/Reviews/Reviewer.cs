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

/// <summary>
/// A reviewer with the regions read for this step, which the in-transaction methods check against: a staff dialog has
/// them from the router (read inside the message's write lock), the web and the command line from
/// <see cref="ReviewerScopes.ScopedAsync"/>.
/// </summary>
public sealed record ScopedReviewer(string Name, IReadOnlyList<string> Regions);
