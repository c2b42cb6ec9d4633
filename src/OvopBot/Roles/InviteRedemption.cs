namespace OvopBot.Roles;

/// <summary>The outcome of sending a code, with the role and region when the code was known.</summary>
public sealed record InviteRedemption(InviteOutcome Outcome, StaffRole? Role = null, string? RegionCode = null, string? RegionName = null);
