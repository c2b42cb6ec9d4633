using System.Text.Json.Nodes;

namespace OvopBot.Tests.Fakes;

/// <summary>A message the fake accepted (sendMessage or sendDocument) and "delivered" to a chat.</summary>
public sealed record FakeTelegramMessage(
    long ChatId,
    long MessageId,
    string? Text,
    JsonNode? ReplyMarkup,
    string? ParseMode,
    FakeTelegramUpload? Document = null,
    string? Caption = null);
