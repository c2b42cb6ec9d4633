namespace OvopBot.Channels.Telegram.Api;

/// <summary>Parameters of answerCallbackQuery; with no text it just stops the spinner on the user's button.</summary>
public sealed record AnswerCallbackQueryRequest
{
    public required string CallbackQueryId { get; init; }
}
