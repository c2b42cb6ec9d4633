using OvopBot.Channels.Abstractions;
using OvopBot.ChatExports;

namespace OvopBot.Staff;

/// <summary>
/// What the staff desk made of a message: its replies (null: not a staff matter, the engine answers it) and the
/// staff state to store with the message in the same transaction, with the export it asked for if any (stored in that
/// transaction too, so a re-delivered message never asks twice).
/// </summary>
public sealed record StaffAnswer(IReadOnlyList<OutboundMessage>? Replies, StaffState State, ChatExportRequest? Export = null);
