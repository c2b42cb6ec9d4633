namespace OvopBot.Broadcasts;

/// <summary>
/// The final report of a finished broadcast for the person who made it in the chat: its numbers, its text (so they
/// know which one), and where and in which language (null: the flow's default) to tell them.
/// </summary>
public sealed record BroadcastReport(BroadcastProgress Progress, string Text, long ContactId, string Channel, string Address, string? Language);
