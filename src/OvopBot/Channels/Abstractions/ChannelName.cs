namespace OvopBot.Channels.Abstractions;

/// <summary>
/// What the core knows of a channel by name: how an operator writes a person's address on it
/// (<c>whatsapp:+62812…</c>) and how the store keeps that address. Each channel declares its own in its folder;
/// <see cref="ChannelNames"/> lists them.
/// </summary>
public sealed record ChannelName(string Name, Func<string, string> NormalizeAddress)
{
    /// <summary>A channel whose addresses are stored exactly as written.</summary>
    public static ChannelName AsWritten(string name) => new(name, address => address);
}
