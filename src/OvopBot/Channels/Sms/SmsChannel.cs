namespace OvopBot.Channels.Sms;

/// <summary>The channel's name in the store, and what it means for an address to be an SMS address.</summary>
public static class SmsChannel
{
    public const string Name = "sms";

    /// <summary>Only Indonesian mobile numbers are sent to: the office's SIM is a local prepaid one.</summary>
    public const string CountryPrefix = "+62";

    /// <summary>
    /// The sender as an E.164 number (<c>+62812…</c>) whatever form the network gave it in (<c>0812…</c>,
    /// <c>62812…</c>); null for a short code or a name (operator notices), which no one can answer.
    /// </summary>
    public static string? Address(string sender) =>
        Understanding.PhoneParser.Normalize(sender) is { } e164 && e164.All(c => c == '+' || char.IsAsciiDigit(c)) ? e164 : null;
}
