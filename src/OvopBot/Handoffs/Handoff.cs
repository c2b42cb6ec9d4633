namespace OvopBot.Handoffs;

/// <summary>A stored question to the facilitators.</summary>
public sealed record Handoff(long Id, long ContactId, string? VillageCode, string? NodeId, string? Text, string? MediaPath,
    DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt);

/// <summary>A staff member to tell: where to reach them and in which language.</summary>
public sealed record HandoffRecipient(long ContactId, string Channel, string Address, string? Language);

/// <summary>An answer a staff member typed (BALAS 12 …), committed with their message.</summary>
public sealed record HandoffAnswer(long HandoffId, string Text);
