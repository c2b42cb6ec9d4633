namespace OvopBot.Roles;

/// <summary>A role above the ordinary village respondent (everyone is a respondent).</summary>
public enum StaffRole
{
    /// <summary>Pendamping desa: sees and nudges the villages of their regions.</summary>
    Facilitator,

    /// <summary>Dinas PMD: everything a facilitator does, plus roles, invites and command-line broadcasts.</summary>
    Admin,
}
