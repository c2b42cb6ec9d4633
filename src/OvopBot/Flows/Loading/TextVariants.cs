namespace OvopBot.Flows.Loading;

/// <summary>
/// Short forms a flow text may carry for a channel that needs them, keyed by the channel's name: <c>sms:</c> for SMS,
/// where every message must fit in 3 parts. Where a text gives none, the channel reads the normal text.
/// </summary>
public static class TextVariants
{
    public const string Sms = "sms";

    public static readonly IReadOnlyList<string> All = [Sms];
}
