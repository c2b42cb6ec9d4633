namespace OvopBot.Channels.Abstractions;

/// <summary>
/// Downloads a platform media reference (Telegram file_id, WhatsApp media id) into Storage:MediaPath. Called by the
/// inbound processor before the conversation step (so a webhook can be answered before the download finishes), and
/// only for media the person's current question uses (OvopBot.Media.MediaPolicy).
/// </summary>
public interface IMediaFetcher
{
    string Channel { get; }

    /// <summary>Returns the local file path, or null when the media is too large or gone (the step then asks again).</summary>
    Task<string?> FetchAsync(string mediaRef, CancellationToken cancellationToken);
}
