using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Telegram.Api;
using OvopBot.Conversations;
using OvopBot.Flows.Loading;
using OvopBot.Roles;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// At start, registers the "/" menu with setMyCommands: the ordinary commands for everyone (per flow language; the
/// first language is the default list), and the staff commands too in the chats of people who have a role then.
/// A role given later shows in the menu after the next start; the commands work typed either way. The menu is a
/// convenience, so a failure is logged and the service goes on.
/// </summary>
public sealed class TelegramCommandsRegistrar(TelegramClient client, FlowCatalog flows, IOptions<ConversationOptions> options, RoleStore roles,
    ILogger<TelegramCommandsRegistrar> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var flow = flows[options.Value.Flow];
            var staffFlow = flows.TryGet(options.Value.StaffFlow, out var found) ? found : null;
            foreach (var language in flow.Languages)
            {
                var code = language == flow.DefaultLanguage ? null : language;
                await client.CallAsync<bool>("setMyCommands", new SetMyCommandsRequest(TelegramCommandMenu.Everyone(flow, language), LanguageCode: code), stoppingToken);
            }

            // Each staff chat once, as an admin when any of its grants is an admin's.
            var staffChats = (await roles.ListAsync(stoppingToken))
                .Where(g => g.Contact.StartsWith(TelegramUpdateMapper.ChannelName + ":", StringComparison.Ordinal))
                .Select(g => (Chat: long.TryParse(g.Contact[(TelegramUpdateMapper.ChannelName.Length + 1)..], out var id) ? id : (long?)null, g.Role))
                .Where(g => g.Chat is not null)
                .GroupBy(g => g.Chat!.Value, g => g.Role == StaffRole.Admin)
                .ToDictionary(g => g.Key, g => g.Any(isAdmin => isAdmin));
            foreach (var (chat, admin) in staffFlow is null ? [] : staffChats)
            {
                // A per-chat list has no language variants; it is in the flow's default language.
                await client.CallAsync<bool>("setMyCommands", new SetMyCommandsRequest(TelegramCommandMenu.Staff(flow, staffFlow!, flow.DefaultLanguage, admin),
                    new BotCommandScope("chat", chat)), stoppingToken);
            }

            logger.LogInformation("Telegram command menu set ({Languages} language(s), {Staff} staff chat(s))", flow.Languages.Count, staffChats.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (TelegramRequestException ex)
        {
            logger.LogWarning("Telegram setMyCommands failed: {Error}; the commands still work when typed", ex.Message);
        }
    }
}
