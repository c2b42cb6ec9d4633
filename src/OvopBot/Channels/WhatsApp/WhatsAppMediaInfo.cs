namespace OvopBot.Channels.WhatsApp;

/// <summary>What <c>GET /{media-id}</c> returns: a short-lived (5 minutes) download URL and the file's facts.</summary>
public sealed record WhatsAppMediaInfo(string Id, Uri Url, string? MimeType, long? FileSize);
