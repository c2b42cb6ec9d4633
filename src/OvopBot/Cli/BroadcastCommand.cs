using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OvopBot.Broadcasts;
using OvopBot.Channels.Sms;
using OvopBot.Roles;

namespace OvopBot.Cli;

/// <summary>
/// <c>broadcast --to unfinished --region 53.04 [--region 53.01.08 …] [--district CODE] --text "…" [--yes]</c>: preview
/// (recipients per channel, who is skipped), confirm, enqueue, then watch the running service send it. Several
/// regions make one broadcast, each person once. No chat report: the operator watches here. <c>broadcast cancel ID</c>
/// and <c>broadcast status ID</c> act on one already made.
/// </summary>
internal static class BroadcastCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to") { Description = "unfinished | all | finished | not-started", DefaultValueFactory = _ => "unfinished" };
        var region = new Option<string[]>("--region") { Description = "Province, regency or district code (53.04); repeat or comma-separate for several" };
        var district = new Option<string?>("--district") { Description = "Only this district of the (one) region" };
        var text = new Option<string?>("--text") { Description = "The message (1 to 500 characters)" };
        var yes = new Option<bool>("--yes") { Description = "Send without asking for confirmation" };
        var asContact = new Option<string?>("--as") { Description = "Act as this admin (channel:address); their regions are checked" };
        var noWait = new Option<bool>("--no-wait") { Description = "Do not watch the progress after enqueuing" };
        var command = CliApp.Verb("broadcast", "Send a message to the people of a region (admins)");
        foreach (var option in new Option[] { to, region, district, text, yes, asContact, noWait })
        {
            command.Options.Add(option);
        }

        StaffAction.Set(command, async (result, host, ct) =>
        {
            if (!BroadcastTargets.TryParse(result.GetValue(to), out var target))
            {
                throw new CliException($"--to '{result.GetValue(to)}' is not one of unfinished, all, finished, not-started");
            }

            var regionCodes = (result.GetValue(region) ?? []).SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList();
            if (regionCodes.Count == 0)
            {
                throw new CliException("--region is required (e.g. --region 53.04)");
            }

            var service = host.Services.GetRequiredService<BroadcastService>();
            var (author, authorId) = await AuthorAsync(host, result.GetValue(asContact), ct);
            BroadcastPreview preview;
            try
            {
                preview = await service.PrepareAsync(new BroadcastRequest(target, regionCodes, result.GetValue(text) ?? "", author, authorId)
                    { DistrictCode = result.GetValue(district) }, StaffRole.Admin, ct);
            }
            catch (BroadcastRefusedException e)
            {
                throw new CliException(e.Message);
            }

            Console.WriteLine($"Broadcast {preview.Id} to {BroadcastTargets.ToText(target)} in {string.Join(", ", regionCodes)}{(result.GetValue(district) is { } d ? $", district {d}" : "")}:");
            Console.WriteLine($"  recipients: {preview.Recipients} ({string.Join(", ", preview.RecipientsByChannel.Select(c => $"{c.Key} {c.Value}"))})");
            Console.WriteLine($"  skipped: {preview.SkippedOptedOut} opted out, {preview.SkippedUnreachable} unreachable");
            if (preview.SmsParts > 0)
            {
                Console.WriteLine($"  SMS cost: {preview.SmsParts} parts ({preview.RecipientsByChannel[SmsChannel.Name]} people); " +
                                  "see `sms usage` for today's count against Sms:DailyLimit");
            }
            if (!result.GetValue(yes))
            {
                Console.Write("Send it? [y/N] ");
                if (Console.ReadLine()?.Trim().ToLowerInvariant() is not ("y" or "yes"))
                {
                    await service.CancelAsync(preview.Id, ct);
                    Console.WriteLine("Not sent.");
                    return 1;
                }
            }

            if (!await service.ConfirmAsync(preview.Id, ct))
            {
                throw new CliException($"Broadcast {preview.Id} was already confirmed or cancelled.");
            }

            Console.WriteLine($"Broadcast {preview.Id} queued. Cancel with: broadcast cancel {preview.Id}");
            return result.GetValue(noWait) ? 0 : await WatchAsync(service, preview.Id, ct);
        });
        command.Subcommands.Add(Cancel());
        command.Subcommands.Add(Status());
        return command;
    }

    private static async Task<(string Author, long? ContactId)> AuthorAsync(IHost host, string? asContact, CancellationToken ct)
    {
        if (asContact is null)
        {
            return (StaffArguments.Operator, null);
        }

        var contact = StaffArguments.Contact(asContact);
        var id = await host.Services.GetRequiredService<RoleStore>().ContactIdAsync(contact, ct)
            ?? throw new CliException($"{contact} is not known and has no role");
        return (contact.ToString(), id);
    }

    /// <summary>Shows progress until the running service has sent everything; Ctrl+C stops watching, not the broadcast.</summary>
    private static async Task<int> WatchAsync(BroadcastService service, long id, CancellationToken ct)
    {
        Console.WriteLine("The running service sends it; watching (Ctrl+C stops watching, not the broadcast).");
        while (!ct.IsCancellationRequested)
        {
            var p = (await service.ProgressAsync(id, ct))!;
            Console.Write($"\rsent {p.Sent}/{p.Total}, failed {p.Failed}, pending {p.Pending}, cancelled {p.Cancelled}   ");
            if (p.Done)
            {
                Console.WriteLine();
                return 0;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        Console.WriteLine();
        return 0;
    }

    private static Command Cancel()
    {
        var id = new Argument<long>("id") { Description = "The broadcast id" };
        var command = CliApp.Verb("cancel", "Stop a broadcast: messages not yet sent are dropped");
        command.Arguments.Add(id);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var cancelled = await host.Services.GetRequiredService<BroadcastService>().CancelAsync(result.GetValue(id), ct)
                ?? throw new CliException($"No broadcast {result.GetValue(id)}");
            Console.WriteLine($"Broadcast {result.GetValue(id)} cancelled; {cancelled} message(s) not sent.");
            return 0;
        });
        return command;
    }

    private static Command Status()
    {
        var id = new Argument<long>("id") { Description = "The broadcast id" };
        var command = CliApp.Verb("status", "Progress of a broadcast");
        command.Arguments.Add(id);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var p = await host.Services.GetRequiredService<BroadcastService>().ProgressAsync(result.GetValue(id), ct)
                ?? throw new CliException($"No broadcast {result.GetValue(id)}");
            Console.WriteLine($"broadcast {p.Id}: {p.Status}; sent {p.Sent}/{p.Total}, failed {p.Failed}, pending {p.Pending}, cancelled {p.Cancelled}; skipped {p.SkippedOptedOut} opted out, {p.SkippedUnreachable} unreachable");
            return 0;
        });
        return command;
    }
}
