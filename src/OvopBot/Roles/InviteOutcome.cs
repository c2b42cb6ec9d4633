namespace OvopBot.Roles;

/// <summary>What became of a code someone sent.</summary>
public enum InviteOutcome
{
    /// <summary>The role was granted and the code is now used.</summary>
    Accepted,

    /// <summary>No such code (mistyped, or made up).</summary>
    Unknown,

    /// <summary>The code was already used (by anyone, including this person).</summary>
    Used,

    /// <summary>The code's time ran out before it was used.</summary>
    Expired,
}
