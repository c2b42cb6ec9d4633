namespace OvopBot.Channels.Abstractions;

/// <summary>A special input the question asks for, which a channel may offer as a button.</summary>
public enum InputRequest
{
    None,
    Location,
    Phone,
    Photo,
    Voice,
}
