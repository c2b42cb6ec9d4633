using OvopBot.Exports;

namespace OvopBot.ChatExports;

/// <summary>What an admin asked for in the chat: one kind, for one region of their scope, headers in their language.</summary>
public sealed record ChatExportRequest(ExportKind Kind, string RegionCode, string Language);
