using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// Decides how an <see cref="OutboundMessage"/> looks on WhatsApp. The numbered text is always complete in the body
/// (basic phones and KaiOS show interactive messages poorly); buttons or a list are added on top only when every
/// part fits Meta's limits. When the text is too long for an interactive body (1,024) we send plain text instead of
/// "text + a short interactive": one request instead of two leaves less to half-send, and the numbered text
/// already works everywhere.
/// </summary>
internal static class WhatsAppComposer
{
    /// <summary>The requests for a free-form (inside the 24-hour window) message, in order.</summary>
    public static IReadOnlyList<WhatsAppPart> FreeForm(string to, OutboundMessage message)
    {
        var text = message.Text.Trim();
        if (message.DocumentPath is { Length: > 0 } document)
        {
            if (text.Length <= WhatsAppPayloads.CaptionMax)
            {
                return [new WhatsAppPart(null, document, text.Length == 0 ? null : text)];
            }

            return [.. TextParts(to, text), new WhatsAppPart(null, document)];
        }

        if (text.Length == 0)
        {
            return [];
        }

        var options = message.Options;
        if (text.Length <= WhatsAppPayloads.InteractiveBodyMax)
        {
            if (options.Count is > 0 and <= WhatsAppPayloads.ButtonsMax
                && options.All(o => IdFits(o.Key, WhatsAppPayloads.ButtonIdMax)))
            {
                return [new WhatsAppPart(WhatsAppPayloads.Buttons(to, text, options))];
            }

            if (options.Count is > WhatsAppPayloads.ButtonsMax and <= WhatsAppPayloads.ListRowsMax
                && !string.IsNullOrWhiteSpace(message.MenuLabel)
                && options.All(o => IdFits(o.Key, WhatsAppPayloads.RowIdMax)))
            {
                return [new WhatsAppPart(WhatsAppPayloads.List(to, text, message.MenuLabel, options))];
            }

            if (options.Count == 0 && message.Input == InputRequest.Location)
            {
                return [new WhatsAppPart(WhatsAppPayloads.LocationRequest(to, text))];
            }
        }

        return TextParts(to, text);
    }

    /// <summary>
    /// The template to send when the window is closed: the envelope's own, else for reminders and broadcasts the
    /// configured reminder template (with the text as its parameter when so configured); null when none fits.
    /// </summary>
    public static TemplateRef? TemplateFor(OutboundEnvelope envelope, WhatsAppTemplateOptions reminder)
    {
        if (envelope.Message.Template is { } own)
        {
            return own;
        }

        if (envelope.Kind is OutboundKind.Reminder or OutboundKind.Broadcast && reminder.IsConfigured)
        {
            IReadOnlyList<string> parameters = reminder.TextAsParameter
                ? [WhatsAppText.Flatten(envelope.Message.Text)]
                : [];
            return new TemplateRef(reminder.Name!, reminder.Language, parameters);
        }

        return null;
    }

    private static List<WhatsAppPart> TextParts(string to, string text) =>
        WhatsAppText.Split(text, WhatsAppPayloads.TextMax)
            .Select(part => new WhatsAppPart(WhatsAppPayloads.Text(to, part)))
            .ToList();

    private static bool IdFits(string id, int max) => id.Length is > 0 && id.Length <= max;
}
