using OvopBot.Channels.Abstractions;

namespace OvopBot.Staff;

/// <summary>
/// What the staff desk made of a message: its replies (null: not a staff matter, the engine answers it) and the
/// staff state to store with the message in the same transaction.
/// </summary>
public sealed record StaffAnswer(IReadOnlyList<OutboundMessage>? Replies, StaffState State);
