using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Roles;
using OvopBot.Web;

namespace OvopBot.Cli;

/// <summary>
/// <c>web link --contact CHANNEL:ADDRESS</c>: prints a one-time login link to the dashboard for a staff member, the
/// way in for the first admin (who has nobody to ask in the chat yet).
/// </summary>
internal static class WebCommand
{
    public static Command Create()
    {
        var contact = new Option<string>("--contact") { Description = "The staff member, channel:address (telegram:123456, whatsapp:62812…, console:me)", Required = true };
        var link = CliApp.Verb("link", "Print a one-time login link to the web dashboard");
        link.Options.Add(contact);
        StaffAction.Set(link, async (result, host, ct) =>
        {
            var who = StaffArguments.Contact(result.GetValue(contact));
            var roles = host.Services.GetRequiredService<RoleStore>();
            var login = host.Services.GetRequiredService<WebLogin>();
            var made = await roles.ContactIdAsync(who, ct) is { } id ? await login.CreateLinkAsync(id, ct) : null;
            if (made is null)
            {
                throw new CliException($"{who} has no staff role; give one first, e.g. roles grant admin --contact {who} --region 53");
            }

            Console.WriteLine(made.Url);
            Console.WriteLine($"single use, valid until {made.ExpiresAt:yyyy-MM-dd HH:mm} UTC; the dashboard is {login.DashboardUrl}");
            return 0;
        });
        return new Command("web", "The web dashboard under /admin") { link };
    }
}
