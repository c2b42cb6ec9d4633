namespace OvopBot.Web;

/// <summary>
/// SEAM for record review (issue 14, <c>src/OvopBot/Reviews/</c>): what the dashboard needs to know about reviews.
/// Until the review services land, <see cref="NoRecordReviews"/> answers "nothing verified, no review state" and the
/// record page shows no review actions; wiring the real service means registering an implementation of this
/// interface and filling <see cref="RecordPage"/>'s review panel.
/// </summary>
public interface IRecordReviews
{
    /// <summary>Codes of the villages whose record a facilitator has verified.</summary>
    Task<IReadOnlySet<string>> VerifiedVillagesAsync(CancellationToken cancellationToken);

    /// <summary>The review states the records filter offers (empty: no filter).</summary>
    IReadOnlyList<string> States { get; }

    /// <summary>The SQL condition on submissions <c>s</c> for a review state, or null when unknown.</summary>
    string? Condition(string state);
}

/// <summary>The dashboard before record review exists: nothing is verified.</summary>
public sealed class NoRecordReviews : IRecordReviews
{
    public Task<IReadOnlySet<string>> VerifiedVillagesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(StringComparer.Ordinal));

    public IReadOnlyList<string> States { get; } = [];

    public string? Condition(string state) => null;
}
