namespace OvopBot.Tests.TestSupport;

/// <summary>A whole registration as a village head types it (Desa Oelnasi, forest honey), for tests that need a submitted record.</summary>
internal static class Registration
{
    public const string Village = "Oelnasi";
    public const string Reference = "OVOP-5301082006-1";

    /// <summary>
    /// Consent → village (confirmed) → role → name → (phone) → product … → summary → submit, in the order of
    /// flows/ovop-registration.yaml (village first; see Transcripts/ovop-registration/happy-path.yaml).
    /// <paramref name="phone"/> null skips the phone question;
    /// <paramref name="phoneAsked"/> false leaves it out (WhatsApp gives the number, so it is not asked).
    /// </summary>
    public static IReadOnlyList<string> Lines(string name = "Benediktus Mau", string? phone = null, string product = "Madu hutan", bool phoneAsked = true) =>
    [
        "halo", "ya", Village, "1", "1", name, .. phoneAsked ? new[] { phone ?? "LEWATI" } : [],
        product, "6", "3", "Madu hutan asli Oelnasi", "Madu lebah hutan", "1", "2", "Agustus - Oktober", "3", "300",
        "1", "50 ribu", "6",
        "15", "9", "0", "0", "2", "Kelompok Madu Oelnasi", "12", "0", "ya",
        "2,3", "1", "4", "LEWATI", "LEWATI", "0",
    ];

    /// <summary>How many lines come before the product name (consent, village, role, name and maybe phone).</summary>
    public static int BeforeProduct(bool phoneAsked = true) => phoneAsked ? 7 : 6;

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
