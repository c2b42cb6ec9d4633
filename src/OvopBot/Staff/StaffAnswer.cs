using OvopBot.Channels.Abstractions;

namespace OvopBot.Staff;

/// <summary>
/// What the older staff desk made of a message: its replies (null: not a staff matter, the engine answers it) and the
/// staff state to store with the message in the same transaction. <see cref="Command"/>: it answered a staff command
/// (PERIKSA), which comes before an open dialog of the staff flow and closes it, as any staff command does.
/// </summary>
public sealed record StaffAnswer(IReadOnlyList<OutboundMessage>? Replies, StaffState State, bool Command = false);
