namespace OvopBot.Channels.WhatsApp;

/// <summary>The <c>WhatsApp:Templates</c> section: approved templates the channel may fall back to.</summary>
public sealed class WhatsAppTemplatesOptions
{
    /// <summary>Used for reminders and broadcasts when the person's 24-hour window is closed.</summary>
    public WhatsAppTemplateOptions Reminder { get; set; } = new();
}
