using OvopBot.Regions;
using OvopBot.Roles;

namespace OvopBot.Reviews;

/// <summary>
/// The regions a reviewer may act in, read afresh at every step: a facilitator's or admin's current grants (empty
/// once revoked), or the whole service area for the operator on the command line.
/// </summary>
public sealed class ReviewerScopes(RoleStore roles, RegionScope area)
{
    public async Task<IReadOnlyList<string>> OfAsync(Reviewer reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        return reviewer.ContactId is { } contactId ? await roles.RegionsAsync(contactId, StaffRole.Facilitator, cancellationToken) : area.Codes;
    }

    public async Task<ScopedReviewer> ScopedAsync(Reviewer reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        return new ScopedReviewer(reviewer.Name, await OfAsync(reviewer, cancellationToken));
    }

    public static bool Covers(IReadOnlyList<string> scopes, string? villageCode) =>
        villageCode is not null && scopes.Any(scope => RegionCode.IsWithin(villageCode, scope));
}
