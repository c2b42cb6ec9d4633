namespace OvopBot.Roles;

/// <summary>A person as an operator names them: <c>telegram:123456</c>, <c>whatsapp:6281234567890</c>.</summary>
public sealed record ContactRef(string Channel, string Address)
{
    private static readonly string[] Channels = ["telegram", "whatsapp", "sms", "console"];

    public static bool TryParse(string? text, out ContactRef contact)
    {
        contact = null!;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        var channel = text[..colon].Trim().ToLowerInvariant();
        var address = text[(colon + 1)..].Trim();
        if (!Channels.Contains(channel) || address.Length == 0)
        {
            return false;
        }

        // WhatsApp addresses are stored without '+', as the Cloud API gives them.
        // SMS addresses are E.164 with '+' (+62812…), whatever form the operator typed.
        contact = new ContactRef(channel, channel switch
        {
            "whatsapp" => address.TrimStart('+'),
            "sms" => Understanding.PhoneParser.Normalize(address) ?? address,
            _ => address,
        });
        return true;
    }

    public override string ToString() => $"{Channel}:{Address}";
}
