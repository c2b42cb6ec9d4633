namespace OvopBot.Channels.Telegram.Api;

/// <summary>A marked span of a message text; offsets are in UTF-16 code units, like C# strings.</summary>
public sealed record MessageEntity
{
    public string? Type { get; init; }
    public int Offset { get; init; }
    public int Length { get; init; }
}
