namespace OvopBot.Reviews;

/// <summary>A record's review state: submitted → verified, or → needs_fixing → resubmitted → … (column <c>review_state</c>).</summary>
public static class ReviewStates
{
    public const string Submitted = "submitted";
    public const string Verified = "verified";
    public const string NeedsFixing = "needs_fixing";
    public const string Resubmitted = "resubmitted";

    /// <summary>States that wait for a reviewer.</summary>
    public static bool AwaitsReview(string? state) => state is Submitted or Resubmitted;
}
