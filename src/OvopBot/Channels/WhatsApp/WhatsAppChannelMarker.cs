namespace OvopBot.Channels.WhatsApp;

/// <summary>Registered only when the channel is configured, so the endpoint mapping can tell.</summary>
internal sealed class WhatsAppChannelMarker;
