using OvopBot.Regions;
using OvopBot.Roles;

namespace OvopBot.Web;

/// <summary>
/// The staff member behind a web request: who, with which role, in which regions (as bound to the session), and the
/// session's anti-forgery token that every form carries back.
/// </summary>
public sealed record WebStaff(long ContactId, string Contact, StaffRole Role, IReadOnlyList<string> Scopes, string Csrf)
{
    public bool IsAdmin => Role == StaffRole.Admin;

    /// <summary>True when the region code (any level) lies inside one of the session's regions.</summary>
    public bool Covers(string? code) => code is not null && Scopes.Any(scope => RegionCode.IsWithin(code, scope));
}
