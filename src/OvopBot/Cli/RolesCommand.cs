using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Regions;
using OvopBot.Roles;

namespace OvopBot.Cli;

/// <summary><c>roles grant|revoke|list</c>: give people the facilitator or admin role for regions, take it away, see who has what.</summary>
internal static class RolesCommand
{
    public static Command Create() => new("roles", "Facilitator and admin roles: grant, revoke, list") { Grant(), Revoke(), List() };

    private static Command Grant()
    {
        var role = new Argument<string>("role") { Description = "facilitator or admin" };
        var contact = new Option<string>("--contact") { Description = "The person, channel:address (telegram:123456, whatsapp:62812…)", Required = true };
        var region = new Option<string[]>("--region") { Description = "Region code: province, regency or district (53, 53.01, 53.01.08); repeat or comma-separate for several", Required = true };
        var command = CliApp.Verb("grant", "Give a person a role for one or more regions");
        command.Arguments.Add(role);
        command.Options.Add(contact);
        command.Options.Add(region);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var who = StaffArguments.Contact(result.GetValue(contact));
            var what = StaffArguments.Role(result.GetValue(role));
            var catalog = host.Services.GetRequiredService<RegionCatalog>();
            var scope = host.Services.GetRequiredService<RegionScope>();
            var codes = result.GetValue(region)!.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries))
                .Select(r => StaffArguments.Region(r, catalog, scope)).ToList();
            var store = host.Services.GetRequiredService<RoleStore>();
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            foreach (var code in codes)
            {
                var added = await store.GrantAsync(who, what, code, StaffArguments.Operator, ct, now);
                Console.WriteLine($"{(added ? "granted" : "already had")}: {who} {StaffRoles.ToText(what)} {code} ({catalog.Name(code)})");
            }

            return 0;
        });
        return command;
    }

    private static Command Revoke()
    {
        var role = new Argument<string>("role") { Description = "facilitator or admin" };
        var contact = new Option<string>("--contact") { Description = "The person, channel:address", Required = true };
        var region = new Option<string?>("--region") { Description = "Only this region (default: every region of the role)" };
        var command = CliApp.Verb("revoke", "Take a role away from a person");
        command.Arguments.Add(role);
        command.Options.Add(contact);
        command.Options.Add(region);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var who = StaffArguments.Contact(result.GetValue(contact));
            var what = StaffArguments.Role(result.GetValue(role));
            var code = result.GetValue(region) is { } r ? RegionCode.Normalize(r) ?? throw new CliException($"'{r}' is not a region code") : null;
            var removed = await host.Services.GetRequiredService<RoleStore>().RevokeAsync(who, what, code, ct);
            Console.WriteLine(removed == 0
                ? $"{who} had no {StaffRoles.ToText(what)} role{(code is null ? "" : $" for {code}")}; nothing changed"
                : $"revoked {removed} grant(s): {who} {StaffRoles.ToText(what)}{(code is null ? "" : $" {code}")}");
            return removed == 0 ? 1 : 0;
        });
        return command;
    }

    private static Command List()
    {
        var contact = new Option<string?>("--contact") { Description = "Only this person" };
        var command = CliApp.Verb("list", "List every facilitator and admin with their regions");
        command.Options.Add(contact);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var who = result.GetValue(contact) is { } c ? StaffArguments.Contact(c) : null;
            var grants = await host.Services.GetRequiredService<RoleStore>().ListAsync(ct, who);
            var catalog = host.Services.GetRequiredService<RegionCatalog>();
            Console.WriteLine($"{"contact",-28} {"role",-12} {"region",-10} {"name",-28} granted by");
            foreach (var g in grants)
            {
                Console.WriteLine($"{g.Contact,-28} {StaffRoles.ToText(g.Role),-12} {g.RegionCode,-10} {catalog.Name(g.RegionCode),-28} {g.GrantedBy} {g.GrantedAt:yyyy-MM-dd}");
            }

            Console.WriteLine($"{grants.Count} grant(s)");
            return 0;
        });
        return command;
    }
}
