namespace OvopBot.Web;

/// <summary>
/// Links that open a call or a chat with a person from a phone: <c>tel:</c>, WhatsApp (<c>wa.me</c>) and Telegram
/// (<c>t.me/+phone</c>, or the chat by user id when no phone is known).
/// </summary>
public static class ContactLinks
{
    public static string Render(string? contact, string? phone, string? name)
    {
        var links = new List<string>();
        var digits = Digits(phone);
        var (channel, address) = Split(contact);
        if (digits.Length > 0)
        {
            links.Add($"<a href=\"tel:+{digits}\">+{digits}</a>");
        }

        var wa = channel == "whatsapp" ? Digits(address) : digits;
        if (wa.Length > 0)
        {
            links.Add($"<a href=\"https://wa.me/{wa}\" rel=noopener>WhatsApp</a>");
        }

        if (channel == "telegram")
        {
            links.Add(digits.Length > 0
                ? $"<a href=\"https://t.me/+{digits}\" rel=noopener>Telegram</a>"
                : $"<a href=\"tg://user?id={Digits(address)}\">Telegram</a>");
        }

        var who = string.IsNullOrWhiteSpace(name) ? "" : Html.E(name) + " ";
        return who + string.Join(" · ", links);
    }

    private static (string? Channel, string? Address) Split(string? contact)
    {
        var colon = contact?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 ? (contact![..colon], contact[(colon + 1)..]) : (null, null);
    }

    /// <summary>Only digits survive, so nothing a person typed can break out of the link.</summary>
    private static string Digits(string? text) => new((text ?? "").Where(char.IsAsciiDigit).ToArray());
}
