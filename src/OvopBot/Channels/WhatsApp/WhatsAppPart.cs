using System.Text.Json.Nodes;

namespace OvopBot.Channels.WhatsApp;

/// <summary>One request of a send: a ready message object, or a document that must be uploaded first.</summary>
internal sealed record WhatsAppPart(JsonObject? Payload, string? DocumentPath = null, string? Caption = null);
