using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OvopBot.Records;
using OvopBot.Reviews;

namespace OvopBot.Cli;

/// <summary>
/// <c>review list|show|approve|fix|accept|reject|attach</c>: the facilitator review from the command line, through the
/// same <see cref="ReviewService"/> and <see cref="ProposalService"/> as the chat. The operator acts for the whole
/// service area, or as a staff member with <c>--as channel:address</c> (their regions checked at each step).
/// </summary>
internal static class ReviewCommand
{
    public static Command Create() => new("review", "Review village records: list, show, approve, fix; decide proposed changes")
    {
        List(), Show(), Approve(), Fix(), Decide("accept", "Accept a proposed change: it becomes the record (with history)"),
        Decide("reject", "Reject a proposed change: the record stays"), Attach(),
    };

    private static Option<string?> AsOption() => new("--as") { Description = "Act as this facilitator or admin (channel:address); their regions are checked" };

    private static Argument<string> RecordArgument() => new("record") { Description = "The record's reference number (OVOP-…) or id" };

    private static Command List()
    {
        var asContact = AsOption();
        var command = CliApp.Verb("list", "Records awaiting review and proposed changes, oldest first");
        command.Options.Add(asContact);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var (outcome, items) = await host.Services.GetRequiredService<ReviewService>().ListAsync(await ReviewerAsync(host, result.GetValue(asContact), ct), ct);
            Check(outcome);
            Console.WriteLine($"{"kind",-9} {"id",-6} {"reference",-22} {"village",-12} {"state",-12} {"product",-30} since");
            foreach (var i in items)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(i.IsProposal ? "proposal" : "record"),-9} {i.Id,-6} {i.Reference,-22} {i.VillageCode,-12} {i.State,-12} {i.Product,-30} {i.UpdatedAt:yyyy-MM-dd HH:mm}Z"));
            }

            Console.WriteLine($"{items.Count} awaiting review");
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var record = RecordArgument();
        var asContact = AsOption();
        var command = CliApp.Verb("show", "A record's answers, numbered as `review fix` names them, and its review");
        command.Arguments.Add(record);
        command.Options.Add(asContact);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var service = host.Services.GetRequiredService<ReviewService>();
            var id = await FindAsync(service, result.GetValue(record)!, ct);
            var (outcome, shown) = await service.ShowAsync(await ReviewerAsync(host, result.GetValue(asContact), ct), id, "id", ct);
            Check(outcome);
            Console.WriteLine($"{shown!.Reference} {shown.VillageName} ({shown.VillageCode}), revision {shown.Revision}, review: {shown.State}" +
                              (shown.ReviewedBy is null ? "" : $" by {shown.ReviewedBy} at {shown.ReviewedAt:yyyy-MM-dd HH:mm}Z") +
                              (shown.Note is null ? "" : $", note: {shown.Note}"));
            foreach (var line in shown.Lines)
            {
                Console.WriteLine($"{line.Number,3}. {line.Label}: {line.Value}");
            }

            return 0;
        });
        return command;
    }

    private static Command Approve()
    {
        var record = RecordArgument();
        var asContact = AsOption();
        var command = CliApp.Verb("approve", "Verify a record awaiting review");
        command.Arguments.Add(record);
        command.Options.Add(asContact);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var service = host.Services.GetRequiredService<ReviewService>();
            var id = await FindAsync(service, result.GetValue(record)!, ct);
            Check(await service.ApproveAsync(await ReviewerAsync(host, result.GetValue(asContact), ct), id, ct));
            Console.WriteLine($"{result.GetValue(record)} verified");
            return 0;
        });
        return command;
    }

    private static Command Fix()
    {
        var record = RecordArgument();
        var numbers = new Option<string>("--answers") { Description = "The answer numbers to ask again, as `review show` numbers them (3,5)", Required = true };
        var note = new Option<string>("--note") { Description = "Why, quoted to the village head", Required = true };
        var asContact = AsOption();
        var command = CliApp.Verb("fix", "Ask the village head to answer some questions again, with a note");
        command.Arguments.Add(record);
        command.Options.Add(numbers);
        command.Options.Add(note);
        command.Options.Add(asContact);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var service = host.Services.GetRequiredService<ReviewService>();
            var id = await FindAsync(service, result.GetValue(record)!, ct);
            var request = FixRequestParser.Parse(result.GetValue(numbers)) ?? throw new CliException("--answers takes numbers, e.g. --answers 3,5");
            Check(await service.AskFixAsync(await ReviewerAsync(host, result.GetValue(asContact), ct), id, request.Numbers, result.GetValue(note) ?? "", ct));
            Console.WriteLine($"{result.GetValue(record)}: answers {string.Join(",", request.Numbers)} asked again; the respondent has the note");
            return 0;
        });
        return command;
    }

    private static Command Decide(string verb, string description)
    {
        var proposal = new Argument<long>("proposal") { Description = "The proposal's id (from `review list`)" };
        var asContact = AsOption();
        var command = CliApp.Verb(verb, description);
        command.Arguments.Add(proposal);
        command.Options.Add(asContact);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var proposals = host.Services.GetRequiredService<ProposalService>();
            var reviewer = await ReviewerAsync(host, result.GetValue(asContact), ct);
            var id = result.GetValue(proposal);
            Check(verb == "accept" ? await proposals.AcceptAsync(reviewer, id, ct) : await proposals.RejectAsync(reviewer, id, ct));
            Console.WriteLine($"proposal {id} {verb}ed; the respondent and the proposer are told");
            return 0;
        });
        return command;
    }

    private static Command Attach()
    {
        var record = RecordArgument();
        var contact = new Option<string>("--contact") { Description = "The person who may update the record too (channel:address)", Required = true };
        var asContact = AsOption();
        var command = CliApp.Verb("attach", "Let another person (the village secretary, say) update a record as its respondent does");
        command.Arguments.Add(record);
        command.Options.Add(contact);
        command.Options.Add(asContact);
        StaffAction.Set(command, async (result, host, ct) =>
        {
            var id = await FindAsync(host.Services.GetRequiredService<ReviewService>(), result.GetValue(record)!, ct);
            var who = StaffArguments.Contact(result.GetValue(contact));
            Check(await host.Services.GetRequiredService<ProposalService>().AttachAsync(await ReviewerAsync(host, result.GetValue(asContact), ct), id, who, ct));
            Console.WriteLine($"{who} may now update {result.GetValue(record)}");
            return 0;
        });
        return command;
    }

    private static async Task<Reviewer> ReviewerAsync(IHost host, string? asContact, CancellationToken cancellationToken)
    {
        if (asContact is null)
        {
            return Reviewer.Operator(StaffArguments.Operator);
        }

        var who = StaffArguments.Contact(asContact);
        var id = await host.Services.GetRequiredService<Roles.RoleStore>().ContactIdAsync(who, cancellationToken)
                 ?? throw new CliException($"{who} is not known (never wrote, no role)");
        return new Reviewer(id, who.ToString());
    }

    private static async Task<long> FindAsync(ReviewService service, string text, CancellationToken cancellationToken) =>
        await service.FindAsync(text, cancellationToken) ?? throw new CliException($"no submitted record '{text}'");

    /// <summary>A refusal becomes one line on standard error and exit code 2; nothing was changed.</summary>
    private static void Check(ReviewOutcome outcome)
    {
        var message = outcome switch
        {
            ReviewOutcome.Done => null,
            ReviewOutcome.NotFound => "not found",
            ReviewOutcome.OutsideScope => "outside the reviewer's regions; nothing changed",
            ReviewOutcome.NoRole => "the reviewer has no facilitator or admin role; nothing changed",
            ReviewOutcome.NotAwaiting => "the record is not awaiting review; nothing changed",
            ReviewOutcome.UnknownNumbers => "those answer numbers are not on the record (see `review show`); nothing changed",
            ReviewOutcome.NoNote => "a fix needs a note for the village head (--note); nothing changed",
            ReviewOutcome.NoRespondent => "the respondent erased their data; nobody to ask; nothing changed",
            ReviewOutcome.AlreadyDecided => "the proposal was already decided; nothing changed",
            _ => outcome.ToString(),
        };
        if (message is not null)
        {
            throw new CliException(message);
        }
    }
}
