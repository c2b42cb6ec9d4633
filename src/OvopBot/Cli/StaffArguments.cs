using OvopBot.Regions;
using OvopBot.Roles;

namespace OvopBot.Cli;

/// <summary>Checks shared by the staff verbs, each failing with a message an operator can act on.</summary>
internal static class StaffArguments
{
    /// <summary>Who the command line acts as, recorded as author/granter.</summary>
    public static string Operator => $"cli:{Environment.UserName}";

    public static ContactRef Contact(string? text) => ContactRef.TryParse(text, out var contact)
        ? contact
        : throw new CliException($"'{text}' is not a contact; write channel:address, e.g. telegram:123456 or whatsapp:6281234567890");

    public static StaffRole Role(string? text) => StaffRoles.TryParse(text, out var role)
        ? role
        : throw new CliException($"'{text}' is not a role; use facilitator or admin");

    /// <summary>A province, regency or district code known to the catalog and inside the service area, dotted.</summary>
    public static string Region(string? text, RegionCatalog catalog, RegionScope scope)
    {
        var code = RegionCode.Normalize(text);
        if (code is null || RegionCode.LevelOf(code) == RegionLevel.Village)
        {
            throw new CliException($"'{text}' is not a province, regency or district code (like 53, 53.01 or 53.01.08)");
        }

        if (!catalog.Contains(code))
        {
            throw new CliException($"unknown region code '{code}' (not in data/wilayah)");
        }

        if (!scope.Contains(code) && !scope.Codes.Any(s => RegionCode.IsWithin(s, code)))
        {
            throw new CliException($"{code} ({catalog.Name(code)}) is outside the service area {scope} ({string.Join(", ", scope.Names)})");
        }

        return code;
    }
}
