namespace OvopBot.Broadcasts;

/// <summary>One person a broadcast's target selects, with the flags that may exclude them.</summary>
public sealed record BroadcastRecipient(long ContactId, string Channel, string Address, bool OptedOut, bool Reachable);
