namespace OvopBot.Broadcasts;

/// <summary>How targets are written on the command line and in the database.</summary>
public static class BroadcastTargets
{
    public static string ToText(BroadcastTarget target) => target switch
    {
        BroadcastTarget.Unfinished => "unfinished",
        BroadcastTarget.Finished => "finished",
        BroadcastTarget.NotStarted => "not-started",
        _ => "all",
    };

    public static bool TryParse(string? text, out BroadcastTarget target)
    {
        foreach (var candidate in Enum.GetValues<BroadcastTarget>())
        {
            if (string.Equals(ToText(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                target = candidate;
                return true;
            }
        }

        target = default;
        return false;
    }
}
