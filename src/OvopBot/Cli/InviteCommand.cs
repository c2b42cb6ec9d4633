using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Regions;
using OvopBot.Roles;

namespace OvopBot.Cli;

/// <summary>
/// <c>invite create --role facilitator --region 53.01 --expires 7d</c>: a one-time code that gives the role to
/// whoever sends it to the bot first, plus the Telegram deep link when <c>Telegram:BotUsername</c> is set.
/// </summary>
internal static class InviteCommand
{
    public const string BotUsernameKey = "Telegram:BotUsername";

    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = "facilitator or admin", Required = true };
        var region = new Option<string>("--region") { Description = "Region code the role covers (53, 53.01, 53.01.08)", Required = true };
        var expires = new Option<string>("--expires") { Description = "How long the code stays valid: 7d, 12h, 30m", DefaultValueFactory = _ => "7d" };
        var create = CliApp.Verb("create", "Create a one-time invite code for a role");
        create.Options.Add(role);
        create.Options.Add(region);
        create.Options.Add(expires);
        StaffAction.Set(create, async (result, host, ct) =>
        {
            var what = StaffArguments.Role(result.GetValue(role));
            var catalog = host.Services.GetRequiredService<RegionCatalog>();
            var code = StaffArguments.Region(result.GetValue(region), catalog, host.Services.GetRequiredService<RegionScope>());
            if (!Duration.TryParse(result.GetValue(expires), out var validFor) || validFor > TimeSpan.FromDays(90))
            {
                throw new CliException($"--expires '{result.GetValue(expires)}' is not a duration up to 90 days (e.g. 7d, 12h, 30m)");
            }

            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var invite = await host.Services.GetRequiredService<InviteStore>().CreateAsync(
                what, code, catalog.Name(code)!, StaffArguments.Operator, now, now + validFor, ct);
            Console.WriteLine(invite);
            Console.WriteLine($"role {StaffRoles.ToText(what)} for {code} ({catalog.Name(code)}), single use, valid until {now + validFor:yyyy-MM-dd HH:mm} UTC");
            var bot = host.Services.GetRequiredService<IConfiguration>()[BotUsernameKey]?.Trim().TrimStart('@');
            Console.WriteLine(string.IsNullOrEmpty(bot)
                ? $"(set {BotUsernameKey} to also print the Telegram link)"
                : $"https://t.me/{bot}?start={invite}");
            return 0;
        });
        return new Command("invite", "One-time invite codes that give a role") { create };
    }
}
