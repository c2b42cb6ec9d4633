using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Engine;

namespace OvopBot.Staff;

/// <summary>Packs lines into as few messages as fit the aim of ~500 characters each (basic phones).</summary>
public static class StaffMessages
{
    public const int MaxLength = MessageRenderer.MaxMessageLength;

    public static IReadOnlyList<OutboundMessage> Pack(IEnumerable<string> lines) => MessageRenderer.Pack(lines);
}
