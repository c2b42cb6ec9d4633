namespace OvopBot.Roles;

/// <summary>One role of one person in one region, as stored in <c>staff_roles</c>.</summary>
public sealed record RoleGrant(long ContactId, string Contact, StaffRole Role, string RegionCode, string GrantedBy, DateTimeOffset GrantedAt);
