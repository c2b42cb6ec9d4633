namespace OvopBot.Channels.Telegram.Api;

/// <summary>Extra facts on a failed call: flood-control wait, or the new id of a migrated group.</summary>
public sealed record ResponseParameters
{
    public int? RetryAfter { get; init; }
    public long? MigrateToChatId { get; init; }
}
