using OvopBot.Channels.Abstractions;

namespace OvopBot.Staff;

/// <summary>Packs lines into as few messages as fit the aim of ~500 characters each (basic phones).</summary>
public static class StaffMessages
{
    public const int MaxLength = 500;

    public static IReadOnlyList<OutboundMessage> Pack(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var messages = new List<OutboundMessage>();
        var current = new List<string>();
        var length = 0;
        foreach (var line in lines)
        {
            if (current.Count > 0 && length + 1 + line.Length > MaxLength)
            {
                messages.Add(new OutboundMessage { Text = string.Join('\n', current) });
                current.Clear();
                length = 0;
            }

            length += (current.Count > 0 ? 1 : 0) + line.Length;
            current.Add(line);
        }

        if (current.Count > 0)
        {
            messages.Add(new OutboundMessage { Text = string.Join('\n', current) });
        }

        return messages;
    }
}
