namespace OvopBot.Roles;

/// <summary>How roles are written in the database and on the command line ("facilitator", "admin").</summary>
public static class StaffRoles
{
    public static string ToText(StaffRole role) => role == StaffRole.Admin ? "admin" : "facilitator";

    public static bool TryParse(string? text, out StaffRole role)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "admin":
                role = StaffRole.Admin;
                return true;
            case "facilitator" or "pendamping":
                role = StaffRole.Facilitator;
                return true;
            default:
                role = default;
                return false;
        }
    }

    public static StaffRole Parse(string text) =>
        TryParse(text, out var role) ? role : throw new ArgumentException($"unknown role '{text}' (facilitator or admin)", nameof(text));
}
