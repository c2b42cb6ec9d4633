using System.Globalization;

namespace OvopBot.Cli;

/// <summary>Durations as operators type them: <c>7d</c>, <c>12h</c>, <c>30m</c>, or a .NET time span <c>1.00:00:00</c>.</summary>
internal static class Duration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var t = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(t))
        {
            return false;
        }

        if (t.Length > 1 && int.TryParse(t[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (t[^1])
            {
                case 'd':
                    duration = TimeSpan.FromDays(n);
                    return true;
                case 'h':
                    duration = TimeSpan.FromHours(n);
                    return true;
                case 'm':
                    duration = TimeSpan.FromMinutes(n);
                    return true;
            }
        }

        return TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
    }
}
