using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Console;
using OvopBot.Channels.Telegram;
using OvopBot.Channels.WhatsApp;

namespace OvopBot.Channels;

/// <summary>Every channel the service knows, one line each: adding a channel adds its line here.</summary>
public static class ChannelNames
{
    public static readonly IReadOnlyList<ChannelName> All =
    [
        TelegramUpdateMapper.Name,
        WhatsAppWebhookMapper.Name,
        ConsoleChannel.ChannelName,
    ];

    public static ChannelName? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
