namespace OvopBot.Broadcasts;

/// <summary>Where a broadcast stands: its status and its outbox rows by fate.</summary>
public sealed record BroadcastProgress(long Id, string Status, int Total, int Pending, int Sent, int Failed, int Cancelled,
    int SkippedOptedOut, int SkippedUnreachable)
{
    /// <summary>True when nothing is left to send (all sent, failed or cancelled) and enqueuing has finished.</summary>
    public bool Done => Pending == 0 && Status is "queued" or "done" or "cancelled";
}
