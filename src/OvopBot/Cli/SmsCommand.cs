using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using OvopBot.Channels.Sms;
using OvopBot.Hosting;
using OvopBot.Storage;

namespace OvopBot.Cli;

/// <summary><c>sms usage [--days N]</c>: SMS parts sent per day, the people and broadcasts that cost most.</summary>
internal static class SmsCommand
{
    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "How many days back, today included", DefaultValueFactory = _ => 7 };
        var top = new Option<int>("--top") { Description = "How many people to list", DefaultValueFactory = _ => 10 };
        var usage = CliApp.Verb("usage", "SMS parts sent per day (WITA), per person and per broadcast");
        usage.Options.Add(days);
        usage.Options.Add(top);
        usage.SetAction(result =>
        {
            using var host = CliHost.Build(result.UnmatchedTokens);
            var database = host.Services.GetRequiredService<SqliteDatabase>();
            var options = host.Services.GetRequiredService<IConfiguration>().GetSection(SmsOptions.SectionName).Get<SmsOptions>() ?? new();
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var since = now.AddDays(1 - Math.Max(1, result.GetValue(days)));
            var limit = options.DailyLimit > 0 ? $" of {options.DailyLimit} a day (Sms:DailyLimit)" : " (no Sms:DailyLimit)";
            Console.WriteLine($"SMS parts per day{limit}:");
            foreach (var day in SmsUsage.PerDay(database, since))
            {
                Console.WriteLine($"  {day.Date}  {day.Parts,6} parts  {day.Sms,6} SMS");
            }

            Console.WriteLine("People who cost most:");
            foreach (var person in SmsUsage.PerPerson(database, since, result.GetValue(top)))
            {
                Console.WriteLine($"  {person.Address,-16} {person.Parts,6} parts  {person.Sms,6} SMS  {person.Name}");
            }

            Console.WriteLine("Broadcasts:");
            foreach (var broadcast in SmsUsage.PerBroadcast(database, since))
            {
                Console.WriteLine($"  #{broadcast.Id,-5} {broadcast.Parts,6} parts  {broadcast.People,6} people  {broadcast.Text}");
            }

            return 0;
        });
        return new Command("sms", "What SMS has cost") { usage };
    }
}
