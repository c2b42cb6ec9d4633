using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Console;
using OvopBot.Channels.Sms;
using OvopBot.Channels.Telegram;
using OvopBot.Channels.WhatsApp;

namespace OvopBot.Channels;

/// <summary>Every channel the service knows, one line each: adding a channel adds its line here.</summary>
public static class ChannelModules
{
    public static readonly IReadOnlyList<IChannelModule> All =
    [
        new TelegramChannel(),
        new WhatsAppChannel(),
        new SmsChannelModule(),
        new ConsoleChannelModule(),
    ];

    public static IChannelModule? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
