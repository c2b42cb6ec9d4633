namespace OvopBot.Channels.Telegram.Api;

/// <summary>Parameters of getFile.</summary>
public sealed record GetFileRequest
{
    public required string FileId { get; init; }
}
