using OvopBot.Channels.Abstractions;

namespace OvopBot.Storage;

/// <summary>An inbound message as stored, with its row and contact ids.</summary>
public sealed record StoredInbound(long Id, long ContactId, InboundMessage Message, bool Processed);

/// <summary>A contact's oldest waiting message: failed attempts so far, when it may run again, the contact's backlog.</summary>
public sealed record InboundHead(StoredInbound Stored, int Attempts, DateTimeOffset? NextAttemptAt, int Waiting);
