namespace OvopBot.Privacy;

/// <summary>The <c>Privacy</c> section: data rights under UU 27/2022 (retention, masking in exports).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Raw message text and media older than this many days are removed; the answers stay.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>Exports made for facilitators show phone numbers masked (+62812****7890); admins always see them whole.</summary>
    public bool MaskPhonesForFacilitators { get; set; } = true;

    /// <summary>How often retention runs and erased people's last traces (their address, once the goodbye has left) are cleared.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}
