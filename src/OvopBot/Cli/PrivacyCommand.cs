using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Privacy;

namespace OvopBot.Cli;

/// <summary>
/// <c>privacy show|erase|retention</c>: data rights (UU 27/2022) for requests made by letter, through the same
/// <see cref="PrivacyService"/> the chat's DATA SAYA and HAPUS DATA use. Erasing twice is a no-op.
/// </summary>
internal static class PrivacyCommand
{
    public static Command Create() => new("privacy", "Personal data: what is stored about a person, erasure, retention") { Show(), Erase(), Retention() };

    private static Option<string> ContactOption() => new("--contact") { Description = "The person, channel:address (whatsapp:62812…)", Required = true };

    private static Command Show()
    {
        var contact = ContactOption();
        var command = CliApp.Verb("show", "What is stored about a person");
        command.Options.Add(contact);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var who = StaffArguments.Contact(result.GetValue(contact));
            if (await host.Services.GetRequiredService<PrivacyService>().DescribeAsync(who, ct) is not { } data)
            {
                Console.WriteLine($"nothing is stored about {who}");
                return 0;
            }

            Console.WriteLine($"contact: {data.Channel}:{data.Address}, name: {data.Name ?? "-"}, phone: {data.Phone ?? "-"}");
            foreach (var other in data.OtherContacts ?? [])
            {
                Console.WriteLine($"linked contact: {other.Channel}:{other.Address}, name: {other.Name ?? "-"}, phone: {other.Phone ?? "-"}");
            }

            Console.WriteLine(data.Consent is { } c
                ? string.Create(CultureInfo.InvariantCulture, $"consent: {(c ? "yes" : "no")} at {data.ConsentAt:yyyy-MM-dd HH:mm}Z, text {data.ConsentVersion}")
                : "consent: none recorded");
            foreach (var record in data.Records)
            {
                Console.WriteLine($"record: {record.Village ?? "-"} {record.Reference ?? "-"} ({record.Status}), {record.Answers.Count} answers");
            }

            Console.WriteLine($"messages: {data.Messages}, media files: {data.MediaFiles}, proposals: {data.Proposals}");
            return 0;
        });
        return command;
    }

    private static Command Erase()
    {
        var contact = ContactOption();
        var command = CliApp.Verb("erase", "Erase a person's personal data (a request by letter); their village's record stays, de-identified");
        command.Options.Add(contact);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var who = StaffArguments.Contact(result.GetValue(contact));
            var outcome = await host.Services.GetRequiredService<PrivacyService>().EraseAsync(who, ct);
            Console.WriteLine(outcome == ErasureOutcome.Erased
                ? $"erased {who}: roles, name, phone, message texts, media files and chat exports; records kept as \"{PrivacyEraser.ErasedRespondent}\""
                : $"nothing stored about {who} (never wrote, or already erased); nothing changed");
            return 0;
        });
        return command;
    }

    private static Command Retention()
    {
        var command = CliApp.Verb("retention", "Remove message text and media older than Privacy:RetentionDays now (the service does it hourly)");
        StaffAction.Set(command, async (_, host, ct) =>
        {
            var removed = await host.Services.GetRequiredService<PrivacyService>().ApplyRetentionAsync(ct);
            Console.WriteLine($"cleared {removed.Messages} messages and {removed.MediaFiles} media files");
            return 0;
        });
        return command;
    }
}
