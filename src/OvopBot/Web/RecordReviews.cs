using Dapper;
using OvopBot.Reviews;
using OvopBot.Storage;

namespace OvopBot.Web;

/// <summary>What the dashboard reads of record review (issue 14's <c>review_state</c>): verified villages and the review filter.</summary>
public interface IRecordReviews
{
    /// <summary>Codes of the villages whose record a facilitator has verified.</summary>
    Task<IReadOnlySet<string>> VerifiedVillagesAsync(CancellationToken cancellationToken);

    /// <summary>The review states the records filter offers.</summary>
    IReadOnlyList<string> States { get; }

    /// <summary>The SQL condition on submissions <c>s</c> for a review state (one of <see cref="States"/>), or null when unknown.</summary>
    string? Condition(string state);
}

/// <summary>Review states as <see cref="ReviewService"/> keeps them in <c>submissions.review_state</c>.</summary>
public sealed class RecordReviews(SqliteDatabase database) : IRecordReviews
{
    public IReadOnlyList<string> States { get; } = [ReviewStates.Submitted, ReviewStates.Resubmitted, ReviewStates.NeedsFixing, ReviewStates.Verified];

    public async Task<IReadOnlySet<string>> VerifiedVillagesAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var codes = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT village_code FROM submissions WHERE review_state = 'verified' AND village_code IS NOT NULL", cancellationToken: cancellationToken));
        return codes.ToHashSet(StringComparer.Ordinal);
    }

    // The state is one of ours (checked against States), so it may stand in the SQL text.
    public string? Condition(string state) => States.Contains(state) ? $"s.review_state = '{state}'" : null;
}
