namespace OvopBot.Channels.Telegram.Api;

/// <summary>The answer of getFile; <see cref="FilePath"/> is missing when the file cannot be downloaded.</summary>
public sealed record TelegramFile
{
    public required string FileId { get; init; }
    public string? FileUniqueId { get; init; }
    public long? FileSize { get; init; }
    public string? FilePath { get; init; }
}
