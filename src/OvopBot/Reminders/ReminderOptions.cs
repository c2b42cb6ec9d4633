namespace OvopBot.Reminders;

/// <summary>The <c>Reminders</c> section: when people who stopped halfway are nudged.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";
    public const int MaxReminders = 2;

    private static readonly TimeSpan[] DefaultAfter = [TimeSpan.FromDays(1), TimeSpan.FromDays(3)];

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Idle times after the person's last message at which reminders go out (at most two). Empty means the
    /// default, one day and three days (a list default would be appended to by the configuration binder).
    /// </summary>
    public IList<TimeSpan> After { get; } = new List<TimeSpan>();

    /// <summary>How often the service looks for due reminders.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Reminders go out only from this local hour (inclusive)…</summary>
    public int FromHour { get; set; } = 8;

    /// <summary>…until this local hour (exclusive), in <see cref="TimeZone"/>.</summary>
    public int UntilHour { get; set; } = 20;

    /// <summary>WITA, the time zone of Nusa Tenggara Timur.</summary>
    public string TimeZone { get; set; } = "Asia/Makassar";

    public IReadOnlyList<TimeSpan> Schedule => After.Count == 0 ? DefaultAfter : After.Order().ToList();
}
