namespace OvopBot.Broadcasts;

/// <summary>What confirming a draft broadcast would do: recipients per channel, and who is skipped and why.</summary>
public sealed record BroadcastPreview(long Id, IReadOnlyDictionary<string, int> RecipientsByChannel, int SkippedOptedOut, int SkippedUnreachable,
    int SmsParts = 0)
{
    public int Recipients => RecipientsByChannel.Values.Sum();
}
