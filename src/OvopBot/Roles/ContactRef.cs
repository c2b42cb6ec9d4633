using OvopBot.Channels;

namespace OvopBot.Roles;

/// <summary>A person as an operator names them: <c>telegram:123456</c>, <c>whatsapp:6281234567890</c>.</summary>
public sealed record ContactRef(string Channel, string Address)
{
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
        if (ChannelModules.Find(channel) is not { } known || address.Length == 0)
        {
            return false;
        }

        contact = new ContactRef(channel, known.NormalizeAddress(address));
        return true;
    }

    public override string ToString() => $"{Channel}:{Address}";
}
