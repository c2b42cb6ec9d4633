namespace OvopBot.Channels.Telegram.Api;

/// <summary>A custom keyboard shown instead of the letter keyboard; a tap sends the button text as a message.</summary>
public sealed record ReplyKeyboardMarkup
{
    public required IReadOnlyList<IReadOnlyList<KeyboardButton>> Keyboard { get; init; }
    public bool? ResizeKeyboard { get; init; }
    public bool? OneTimeKeyboard { get; init; }
}
