namespace OvopBot.Channels.Telegram.Api;

/// <summary>One size of a photo; a photo message carries several.</summary>
public sealed record PhotoSize
{
    public required string FileId { get; init; }
    public string? FileUniqueId { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public long? FileSize { get; init; }
}
