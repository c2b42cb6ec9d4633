using OvopBot.Channels.Abstractions;

namespace OvopBot.Staff;

/// <summary>
/// A staff dialog's answer to a message: its replies (stored in the outbox in the same transaction) and the work to
/// start once that transaction is committed (enqueuing a confirmed broadcast, waking the export worker).
/// </summary>
public sealed record DialogAnswer(IReadOnlyList<OutboundMessage> Replies, IReadOnlyList<Func<CancellationToken, Task>> AfterCommit);
