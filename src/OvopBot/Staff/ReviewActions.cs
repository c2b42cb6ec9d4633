using System.Globalization;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Actions;
using OvopBot.Flows.Definition;
using OvopBot.Records;
using OvopBot.Reviews;
using OvopBot.Storage;

namespace OvopBot.Staff;

/// <summary>
/// The actions of the review dialog in <c>flows/staff.yaml</c> (issue 14), thin glue over <see cref="ReviewService"/>
/// and <see cref="ProposalService"/>, which check scope and state at every step: PERIKSA lists what awaits review in
/// the person's regions, <see cref="ListPageSize"/> per message; a number opens a record (its answers numbered, in pages
/// of at most 500 characters) or a proposal; LAGI pages whichever is shown; SETUJU verifies, "PERBAIKI 3,5 note" asks
/// the village head those questions again, TERIMA / TOLAK decide a proposal. Everything is read and written in the
/// message's transaction; the people told are woken after its commit. The dialog keeps what the list numbered
/// (<c>items</c>, <c>list_page</c>) and what is open (<c>open</c>: "record:12" or "proposal:3", <c>open_page</c>).
/// </summary>
[DialogAction("review.list", Outcomes = ["none"], Texts = [
    "staff_review_header", "staff_review_line", "staff_review_proposal_line", "staff_review_more", "staff_review_end",
    "review_state_submitted", "review_state_verified", "review_state_needs_fixing", "review_state_resubmitted", "review_state_proposal"])]
[DialogAction("review.more", Outcomes = ["none", "outside", "not_found"], Texts = [
    "staff_review_header", "staff_review_line", "staff_review_proposal_line", "staff_review_more", "staff_review_end",
    "staff_review_record_header", "staff_review_record_line", "staff_review_record_footer",
    "staff_review_proposal_header", "staff_review_proposal_change", "staff_review_proposal_footer",
    "review_state_submitted", "review_state_verified", "review_state_needs_fixing", "review_state_resubmitted", "review_state_proposal"])]
[DialogAction("review.open", Outcomes = ["fix", "other", "outside", "not_found"], Texts = [
    "staff_review_record_header", "staff_review_record_line", "staff_review_record_footer",
    "staff_review_proposal_header", "staff_review_proposal_change", "staff_review_proposal_footer",
    "review_state_submitted", "review_state_verified", "review_state_needs_fixing", "review_state_resubmitted", "review_state_proposal"])]
[DialogAction("review.approve", Outcomes = ["not_open", "outside", "not_found", "not_awaiting"])]
[DialogAction("review.fix", Outcomes = ["not_open", "usage", "unknown_numbers", "outside", "not_found", "not_awaiting", "no_respondent"])]
[DialogAction("review.accept", Outcomes = ["not_open", "outside", "not_found", "decided"])]
[DialogAction("review.reject", Outcomes = ["not_open", "outside", "not_found", "decided"])]
public sealed class ReviewActions(ReviewService reviews, ProposalService proposals, Signals signals) : IDialogActions
{
    /// <summary>Items per message of the review list.</summary>
    public const int ListPageSize = 8;

    private const int MaxValueLength = 80;

    private readonly PerFlow<StaffCommandMatcher> _matchers = new(flow => new StaffCommandMatcher(flow));

    public Task<ActionOutcome> ApplyAsync(string action, DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dialog = new Dialog(context);
        return Task.FromResult(action switch
        {
            "review.list" => List(context, 1),
            "review.more" => dialog.Open is { } open ? Open(context, open, dialog.OpenPage + 1) : List(context, dialog.ListPage + 1),
            "review.open" => Choose(context, dialog),
            "review.approve" => Approve(context, dialog),
            "review.fix" => Fix(context, dialog),
            "review.accept" => Decide(context, dialog, accept: true),
            "review.reject" => Decide(context, dialog, accept: false),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a review action"),
        });
    }

    /// <summary>A page of the list, read afresh; the dialog keeps what it numbered. Nothing left: <c>none</c>.</summary>
    private static ActionOutcome List(DialogActionContext ctx, int page)
    {
        var (_, items) = ReviewService.List(ctx.Write.Connection, ctx.Write.Transaction, ctx.Staff.Scopes);
        if (items.Count == 0)
        {
            return ActionOutcome.Of("none");
        }

        var pages = (items.Count + ListPageSize - 1) / ListPageSize;
        page = Math.Clamp(page, 1, pages);
        var first = (page - 1) * ListPageSize;
        var shown = items.Skip(first).Take(ListPageSize).ToList();
        var lines = new List<string>
        {
            ctx.Text("staff_review_header", BroadcastActions.Numbers(("from", first + 1), ("to", first + shown.Count), ("total", items.Count), ("page", page), ("pages", pages))),
        };
        lines.AddRange(shown.Select((item, i) => ctx.Text(item.IsProposal ? "staff_review_proposal_line" : "staff_review_line", new Dictionary<string, string>
        {
            ["n"] = (first + i + 1).ToString(CultureInfo.InvariantCulture),
            ["village"] = item.VillageName ?? item.VillageCode ?? "-",
            ["product"] = Cut(item.Product ?? "-"),
            ["state"] = ctx.Text("review_state_" + item.State),
        })));
        lines.Add(ctx.Text(page < pages ? "staff_review_more" : "staff_review_end"));
        return new ActionOutcome
        {
            Values = new Dictionary<string, string>
            {
                ["items"] = string.Join(' ', items.Select(i => i.Key)),
                ["list_page"] = page.ToString(CultureInfo.InvariantCulture),
                ["open"] = "",
            },
            Replies = StaffMessages.Pack(lines),
        };
    }

    /// <summary>Anything typed at the list: a number it showed opens that item; "PERBAIKI words" is a fix request; else <c>other</c>.</summary>
    private ActionOutcome Choose(DialogActionContext ctx, Dialog dialog)
    {
        if (_matchers[ctx.Flow].MatchWithRest(ctx.Input) is { Command: "fix" })
        {
            return ActionOutcome.Of("fix");
        }

        return StaffChoice.Number(ctx.Input.Trim()) is { } n && n >= 1 && n <= dialog.Items.Count
            ? Open(ctx, dialog.Items[n - 1], 1)
            : ActionOutcome.Of("other");
    }

    /// <summary>One page of a record (its answers numbered) or the changes of a proposal; the dialog keeps it open.</summary>
    private ActionOutcome Open(DialogActionContext ctx, string key, int page)
    {
        var (isProposal, id) = Parse(key);
        string header;
        List<string> lines;
        string footer;
        Dictionary<string, string> names;
        if (isProposal)
        {
            var (outcome, view) = proposals.Show(ctx.Write.Connection, ctx.Write.Transaction, ctx.Staff.Scopes, id, ctx.Language);
            if (view is null)
            {
                return Refused(outcome);
            }

            names = Names(view.VillageName, view.Reference);
            header = ctx.Text("staff_review_proposal_header", names);
            lines = view.Changes.Select(c => ctx.Text("staff_review_proposal_change", new Dictionary<string, string>
            {
                ["label"] = c.Label,
                ["current"] = Cut(c.Current),
                ["proposed"] = Cut(c.Proposed),
            })).ToList();
            footer = ctx.Text("staff_review_proposal_footer");
        }
        else
        {
            var (outcome, record) = reviews.Show(ctx.Write.Connection, ctx.Write.Transaction, ctx.Staff.Scopes, id, ctx.Language);
            if (record is null)
            {
                return Refused(outcome);
            }

            names = Names(record.VillageName, record.Reference);
            lines = record.Lines.Select(l => ctx.Text("staff_review_record_line", new Dictionary<string, string>
            {
                ["n"] = l.Number.ToString(CultureInfo.InvariantCulture),
                ["label"] = l.Label,
                ["value"] = Cut(l.Value),
            })).ToList();
            footer = ctx.Text("staff_review_record_footer");
            header = ctx.Text("staff_review_record_header", new Dictionary<string, string>(names)
            {
                ["state"] = ctx.Text("review_state_" + record.State),
                ["page"] = "{page}",
                ["pages"] = "{pages}",
            });
        }

        var pages = Paginate(header, lines, footer);
        page = Math.Clamp(page, 1, pages.Count);
        var text = pages[page - 1]
            .Replace("{page}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{pages}", pages.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        names["open"] = key;
        names["open_page"] = page.ToString(CultureInfo.InvariantCulture);
        return new ActionOutcome { Values = names, Replies = [new OutboundMessage { Text = text }] };
    }

    private ActionOutcome Approve(DialogActionContext ctx, Dialog dialog)
    {
        if (dialog.Open is not { } key || Parse(key).IsProposal)
        {
            return ActionOutcome.Of("not_open");
        }

        var outcome = ReviewService.Approve(ctx.Write, Reviewer(ctx), Parse(key).Id, ctx.Now);
        return outcome == ReviewOutcome.Done ? Decided(dialog) : Refused(outcome);
    }

    /// <summary>"PERBAIKI 3,5 note": the record's respondent is asked those answers again; PERBAIKI alone shows how.</summary>
    private ActionOutcome Fix(DialogActionContext ctx, Dialog dialog)
    {
        var words = _matchers[ctx.Flow].MatchWithRest(ctx.Input) is { Command: "fix" } rest ? rest.Words : null;
        if (dialog.Open is not { } key || (words is not null && Parse(key).IsProposal))
        {
            return ActionOutcome.Of("not_open");
        }

        if (FixRequestParser.Parse(words) is not { } request)
        {
            return ActionOutcome.Of("usage");
        }

        var id = Parse(key).Id;
        var (outcome, channel) = reviews.AskFix(ctx.Write, Reviewer(ctx), id, request.Numbers, request.Note, ctx.Now);
        var numbers = string.Join(",", request.Numbers);
        if (outcome == ReviewOutcome.UnknownNumbers)
        {
            var count = reviews.Show(ctx.Write.Connection, ctx.Write.Transaction, ctx.Staff.Scopes, id, ctx.Language).Record?.Lines.Count ?? 0;
            return new ActionOutcome
            {
                Outcome = "unknown_numbers",
                Values = new Dictionary<string, string> { ["numbers"] = numbers, ["count"] = count.ToString(CultureInfo.InvariantCulture) },
            };
        }

        return outcome == ReviewOutcome.Done
            ? Decided(dialog, channel is null ? [] : [channel], ("numbers", numbers))
            : Refused(outcome);
    }

    private ActionOutcome Decide(DialogActionContext ctx, Dialog dialog, bool accept)
    {
        if (dialog.Open is not { } key || !Parse(key).IsProposal)
        {
            return ActionOutcome.Of("not_open");
        }

        var (outcome, channels) = proposals.Decide(ctx.Write, Reviewer(ctx), Parse(key).Id, accept, ctx.Now);
        return outcome == ReviewOutcome.Done ? Decided(dialog, channels) : Refused(outcome);
    }

    /// <summary>A decision was made: the item is no longer open (the list stays numbered), and the people told are woken after the commit.</summary>
    private ActionOutcome Decided(Dialog dialog, IReadOnlyList<string>? channels = null, params (string Key, string Value)[] values)
    {
        var all = new Dictionary<string, string> { ["open"] = "", ["village"] = dialog.Village, ["reference"] = dialog.Reference };
        foreach (var (k, v) in values)
        {
            all[k] = v;
        }

        return new ActionOutcome
        {
            Values = all,
            AfterCommit = channels is not { Count: > 0 } ? null : _ =>
            {
                foreach (var channel in channels)
                {
                    signals.Outbox(channel).Notify();
                }

                return Task.CompletedTask;
            },
        };
    }

    private static ActionOutcome Refused(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.OutsideScope or ReviewOutcome.NoRole => ActionOutcome.Of("outside"),
        ReviewOutcome.NoNote => ActionOutcome.Of("usage"),
        ReviewOutcome.NoRespondent => ActionOutcome.Of("no_respondent"),
        ReviewOutcome.AlreadyDecided => ActionOutcome.Of("decided"),
        ReviewOutcome.NotAwaiting => new ActionOutcome { Outcome = "not_awaiting", Values = new Dictionary<string, string> { ["state"] = "-" } },
        _ => ActionOutcome.Of("not_found"),
    };

    /// <summary>Header, lines and footer cut into messages of at most 500 characters; the header is repeated on each.</summary>
    private static List<string> Paginate(string header, IReadOnlyList<string> lines, string footer)
    {
        var budget = StaffMessages.MaxLength - header.Length - footer.Length - 8;
        var pages = new List<List<string>> { new() };
        var used = 0;
        foreach (var line in lines)
        {
            if (pages[^1].Count > 0 && used + line.Length + 1 > budget)
            {
                pages.Add([]);
                used = 0;
            }

            pages[^1].Add(line);
            used += line.Length + 1;
        }

        return pages.Select(p => string.Join('\n', new[] { header }.Concat(p).Append(footer).Where(l => l.Length > 0))).ToList();
    }

    private static Dictionary<string, string> Names(string? village, string? reference) => new()
    {
        ["village"] = village ?? "-",
        ["reference"] = reference ?? "-",
    };

    private static ScopedReviewer Reviewer(DialogActionContext ctx) => new(ctx.Staff.Author, ctx.Staff.Scopes);

    private static (bool IsProposal, long Id) Parse(string key) =>
        (key.StartsWith("proposal:", StringComparison.Ordinal), long.Parse(key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture));

    private static string Cut(string value) => value.Length <= MaxValueLength ? value : value[..(MaxValueLength - 1)].TrimEnd() + "…";

    /// <summary>What the dialog remembers between messages, read from its values.</summary>
    private sealed class Dialog(DialogActionContext ctx)
    {
        public IReadOnlyList<string> Items { get; } = (ctx.Value("items") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        public int ListPage { get; } = Number(ctx.Value("list_page"));
        public string? Open { get; } = ctx.Value("open") is { Length: > 0 } open ? open : null;
        public int OpenPage { get; } = Number(ctx.Value("open_page"));
        public string Village { get; } = ctx.Value("village") ?? "-";
        public string Reference { get; } = ctx.Value("reference") ?? "-";

        private static int Number(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
