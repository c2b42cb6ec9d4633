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

    /// <summary>The id of the linking dialog (<c>kind: dialog</c>): a record's reference links a new channel; without it, no linking.</summary>
    public string LinkFlow { get; set; } = "linking";

    /// <summary>How many workers step conversations; one person's messages always go to the same worker, in order.</summary>
    [Range(1, 64, ErrorMessage = "Conversations:Workers must be between 1 and 64")]
    public int Workers { get; set; } = 4;

    /// <summary>Attempts at stepping a message before it becomes a dead letter (the person gets an apology).</summary>
    [Range(1, 20, ErrorMessage = "Conversations:MaxAttempts must be between 1 and 20")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the second attempt; it doubles for each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Conversations:RetryDelay must be between 0 and 10 minutes")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Messages one person may have stepped per minute once the burst is used; the rest wait, in order.</summary>
    [Range(1, 6000, ErrorMessage = "Conversations:PerSenderPerMinute must be between 1 and 6000")]
    public int PerSenderPerMinute { get; set; } = 20;

    /// <summary>Messages one person may send at once before the per-minute pace applies (a few lines pasted together).</summary>
    [Range(1, 1000, ErrorMessage = "Conversations:PerSenderBurst must be between 1 and 1000")]
    public int PerSenderBurst { get; set; } = 8;
}
