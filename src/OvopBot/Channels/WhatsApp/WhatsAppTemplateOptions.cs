namespace OvopBot.Channels.WhatsApp;

/// <summary>One approved message template, e.g. <c>WhatsApp:Templates:Reminder</c>.</summary>
public sealed class WhatsAppTemplateOptions
{
    /// <summary>The template name as approved in WhatsApp Manager; empty means "no template configured".</summary>
    public string? Name { get; set; }

    /// <summary>The template language code as approved (e.g. "id" or "en_US").</summary>
    public string Language { get; set; } = "id";

    /// <summary>
    /// When true the message text is passed as the template's single body variable <c>{{1}}</c> (flattened to one
    /// line, as Meta rejects line breaks in parameters); when false the template is sent without parameters.
    /// </summary>
    public bool TextAsParameter { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Name);
}
