namespace OvopBot.Reviews;

/// <summary>How a review action ended; anything but <see cref="Done"/> changed nothing.</summary>
public enum ReviewOutcome
{
    Done,
    /// <summary>No such record or proposal.</summary>
    NotFound,
    /// <summary>The record's village is outside the reviewer's regions.</summary>
    OutsideScope,
    /// <summary>The reviewer has no facilitator or admin role (any more).</summary>
    NoRole,
    /// <summary>The record is not in a state this action applies to (approve what awaits review only).</summary>
    NotAwaiting,
    /// <summary>PERBAIKI named numbers that are not answers of the record.</summary>
    UnknownNumbers,
    /// <summary>PERBAIKI without a note for the village head.</summary>
    NoNote,
    /// <summary>The record's respondent cannot be reached (erased): nobody to ask.</summary>
    NoRespondent,
    /// <summary>The proposal was already accepted or rejected.</summary>
    AlreadyDecided,
}
