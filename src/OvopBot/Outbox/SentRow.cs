namespace OvopBot.Outbox;

/// <summary>An outbox row the platform accepted: its id there and when.</summary>
public sealed record SentRow(long Id, string PlatformMessageId, DateTimeOffset At);
