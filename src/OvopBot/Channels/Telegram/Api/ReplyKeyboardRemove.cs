namespace OvopBot.Channels.Telegram.Api;

/// <summary>Hides a custom keyboard; without it an old keyboard would stay on screen for the next question.</summary>
public sealed record ReplyKeyboardRemove
{
    public bool RemoveKeyboard { get; init; } = true;
}
