namespace OvopBot.Handoffs;

/// <summary>The <c>Handoffs</c> section: how long a question to the facilitators may wait for an answer.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoffs";

    /// <summary>After this long without an answer the person is told, and the admins are notified, once.</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often unanswered questions are looked for.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(5);
}
