using OvopBot.Channels.Abstractions;

namespace OvopBot.Storage;

/// <summary>An inbound message as stored, with its row and contact ids.</summary>
public sealed record StoredInbound(long Id, long ContactId, InboundMessage Message, bool Processed);
