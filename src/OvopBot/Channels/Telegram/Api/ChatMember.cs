namespace OvopBot.Channels.Telegram.Api;

/// <summary>A membership status: "member", "kicked", "left", "administrator", …</summary>
public sealed record ChatMember
{
    public string? Status { get; init; }
}
