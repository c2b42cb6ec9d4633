using System.ComponentModel.DataAnnotations;

namespace OvopBot.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite database file (created with its folder when missing).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DatabasePath must name the SQLite database file")]
    public string DatabasePath { get; set; } = "data/ovopbot.db";

    /// <summary>Where downloaded photos, voice notes and documents are kept.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:MediaPath must name a folder for downloaded media")]
    public string MediaPath { get; set; } = "data/media";
}
