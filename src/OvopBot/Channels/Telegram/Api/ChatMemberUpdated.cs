namespace OvopBot.Channels.Telegram.Api;

/// <summary>The bot's membership changed; in a private chat that means the user blocked or unblocked it.</summary>
public sealed record ChatMemberUpdated
{
    public required Chat Chat { get; init; }
    public User? From { get; init; }
    public long Date { get; init; }
    public ChatMember? OldChatMember { get; init; }
    public ChatMember? NewChatMember { get; init; }
}
