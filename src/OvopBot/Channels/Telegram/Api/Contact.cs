namespace OvopBot.Channels.Telegram.Api;

/// <summary>A shared contact; <see cref="UserId"/> equals the sender's id when they shared their own number.</summary>
public sealed record Contact
{
    public required string PhoneNumber { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public long? UserId { get; init; }
}
