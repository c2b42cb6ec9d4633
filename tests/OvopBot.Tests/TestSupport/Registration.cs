namespace OvopBot.Tests.TestSupport;

/// <summary>A whole registration as a village head types it (Desa Oelnasi, forest honey), for tests that need a submitted record.</summary>
internal static class Registration
{
    public const string Village = "Oelnasi";
    public const string Reference = "OVOP-5301082006-1";

    /// <summary>Consent → role → name → (phone) → village → … → submit. <paramref name="phone"/> null skips the phone question.</summary>
    public static IReadOnlyList<string> Lines(string name = "Benediktus Mau", string? phone = null, string product = "Madu hutan") =>
    [
        "halo", "ya", "1", name, phone ?? "LEWATI", Village, "1", product, "6", "3", "Madu hutan asli Oelnasi", "Madu lebah hutan", "1", "2",
        "Agustus - Oktober", "3", "300", "15", "9", "2", "0", "2,3", "4", "LEWATI", "LEWATI", "0",
    ];

    /// <summary>Runs the registration through <paramref name="say"/> (one line at a time); returns the last replies.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(Func<string, Task<IReadOnlyList<string>>> say, IReadOnlyList<string>? lines = null)
    {
        IReadOnlyList<string> replies = [];
        foreach (var line in lines ?? Lines())
        {
            replies = await say(line);
        }

        return replies;
    }

    /// <summary>The number a record page gives an answer ("7. Tahap usaha: …" → 7).</summary>
    public static int NumberOf(string recordText, string label)
    {
        var line = recordText.Split('\n').First(l => l.Contains($". {label}:", StringComparison.Ordinal));
        return int.Parse(line[..line.IndexOf('.', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
