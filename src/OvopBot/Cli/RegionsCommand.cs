using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Regions;

namespace OvopBot.Cli;

/// <summary>
/// <c>regions status [CODE] [--missing]</c>: villages submitted / in progress / not started, regency → district,
/// for a region code (default: the service area), and optionally the villages still missing with their contact.
/// <c>regions find NAME</c>: how a typed village name is matched against the official list in the service area.
/// <c>regions unmatched</c> / <c>regions match ID CODE</c>: villages kept as typed, and giving them their official code.
/// </summary>
internal static class RegionsCommand
{
    public static Command Create() => new("regions", "Official regions: registration status by region, village name matching")
    {
        Status(),
        Find(),
        Unmatched(),
        Match(),
    };

    private static Command Unmatched()
    {
        var command = CliApp.Verb("unmatched", "Villages people typed that are not in the official list, waiting to be matched");
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var list = await host.Services.GetRequiredService<UnmatchedVillages>().ListAsync(ct);
            foreach (var v in list)
            {
                Console.WriteLine($"{v.SubmissionId,6}  {v.Typed,-30} {v.Person ?? "-",-24} {v.Contact,-24} {v.Status}");
            }

            Console.WriteLine(list.Count == 0 ? "no villages to match" : $"{list.Count} to match: regions match ID VILLAGE-CODE (find the code with: regions find NAME)");
            return 0;
        });
        return command;
    }

    private static Command Match()
    {
        var id = new Argument<long>("id") { Description = "The registration's id, as listed by regions unmatched" };
        var code = new Argument<string>("code") { Description = "The official village code, e.g. 53.01.08.2006" };
        var command = CliApp.Verb("match", "Give a village kept as typed its official village");
        command.Arguments.Add(id);
        command.Arguments.Add(code);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var refusal = await host.Services.GetRequiredService<UnmatchedVillages>().MatchAsync(result.GetValue(id), result.GetValue(code)!, null, ct);
            if (refusal is not null)
            {
                throw new CliException(refusal switch
                {
                    MatchRefusal.UnknownVillage => $"{result.GetValue(code)} is not a village in the service area",
                    _ => $"registration {result.GetValue(id)} has no village waiting to be matched",
                });
            }

            Console.WriteLine($"registration {result.GetValue(id)} is now {result.GetValue(code)}");
            return 0;
        });
        return command;
    }

    private static Command Find()
    {
        var name = new Argument<string>("name") { Description = "A village name as a person might type it" };
        var command = CliApp.Verb("find", "Show how a typed village name is matched (candidates inside the service area)");
        command.Arguments.Add(name);
        command.SetAction(result =>
        {
            using var host = Hosting.CliHost.Build(result.UnmatchedTokens);
            var matcher = host.Services.GetRequiredService<VillageMatcher>();
            var typed = result.GetValue(name)!;
            Console.WriteLine($"compared as: \"{VillageMatcher.ComparisonKey(typed)}\" within {matcher.Scope} ({string.Join(", ", matcher.Scope.Names)})");
            var candidates = matcher.Find(typed);
            foreach (var c in candidates)
            {
                var l = c.Location;
                Console.WriteLine($"{l.Village.Code,-14} {l.Village.Kind,-9} {l.Village.Name,-24} Kec. {l.District.Name,-20} {l.Regency.Name,-28} " +
                                  $"score {c.Score:0.00} edits {c.Distance}{(c.IsExact ? " exact" : "")}{(c.IsConfident ? " confident" : "")}");
            }

            if (candidates.Count == 0)
            {
                var outside = matcher.FindOutsideScope(typed, 3);
                Console.WriteLine(outside.Count == 0
                    ? "no candidates: the bot asks for the district (kecamatan) next"
                    : "no candidates in the service area; outside it: " + string.Join("; ", outside.Select(o => $"{o.Village.Name} ({o.Location.Regency.Name})")));
            }

            return 0;
        });
        return command;
    }

    private static Command Status()
    {
        var code = new Argument<string?>("code") { Description = "Province, regency or district code (default: the service area)", Arity = ArgumentArity.ZeroOrOne };
        var missing = new Option<bool>("--missing") { Description = "Also list the villages not yet submitted, with the contact person where known" };
        var command = CliApp.Verb("status", "Villages submitted / in progress / not started, by regency and district");
        command.Arguments.Add(code);
        command.Options.Add(missing);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var catalog = host.Services.GetRequiredService<RegionCatalog>();
            var scope = host.Services.GetRequiredService<RegionScope>();
            IReadOnlyList<string> codes = result.GetValue(code) is { } c ? [StaffArguments.Region(c, catalog, scope)] : scope.Codes;
            var query = host.Services.GetRequiredService<RegionStatusQuery>();
            Print(await query.ReportAsync(codes, ct));
            if (result.GetValue(missing))
            {
                Console.WriteLine();
                foreach (var v in await query.MissingAsync(codes, ct))
                {
                    var who = v.Contact is null ? "" : $"  {v.ContactName} {v.Contact} {v.Phone}".TrimEnd();
                    Console.WriteLine($"{v.Location.Village.Code,-14} {v.Location.Village.Name,-26} {v.Location.District.Name,-22} {Label(v.Progress),-12}{who}");
                }
            }

            return 0;
        });
        return command;
    }

    private static void Print(RegionStatusReport report)
    {
        Console.WriteLine($"{"code",-10} {"name",-34} {"villages",8} {"submitted",9} {"in progress",11} {"not started",11}");
        foreach (var regency in report.Regencies)
        {
            Row(regency.Regency.Code, regency.Regency.Name, regency.Counts);
            foreach (var district in regency.Districts)
            {
                Row(district.District.Code, "  " + district.District.Name, district.Counts);
            }
        }

        Row("", "total", report.Totals);
    }

    private static void Row(string code, string name, ProgressCounts c) =>
        Console.WriteLine($"{code,-10} {name,-34} {c.Villages,8} {c.Submitted,9} {c.InProgress,11} {c.NotStarted,11}");

    private static string Label(VillageProgress progress) => progress == VillageProgress.InProgress ? "in progress" : "not started";
}
