using System.ComponentModel.DataAnnotations;

namespace OvopBot.Conversations;

/// <summary>The <c>Conversations</c> configuration section.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>The id of the flow every new conversation follows.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Conversations:Flow must name a flow id from the flows folder")]
    public string Flow { get; set; } = "ovop-registration";

    /// <summary>The id of the staff flow (<c>kind: staff</c>): the facilitators' and admins' chat dialogs.</summary>
    public string StaffFlow { get; set; } = "staff";

    /// <summary>How many workers step conversations; one person's messages always go to the same worker, in order.</summary>
    [Range(1, 64, ErrorMessage = "Conversations:Workers must be between 1 and 64")]
    public int Workers { get; set; } = 4;
}
