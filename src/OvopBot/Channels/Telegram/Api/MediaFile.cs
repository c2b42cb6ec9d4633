namespace OvopBot.Channels.Telegram.Api;

/// <summary>The common shape of Voice, Audio and Document objects (the fields the bot needs).</summary>
public sealed record MediaFile
{
    public required string FileId { get; init; }
    public string? FileUniqueId { get; init; }
    public string? FileName { get; init; }
    public string? MimeType { get; init; }
    public long? FileSize { get; init; }
}
