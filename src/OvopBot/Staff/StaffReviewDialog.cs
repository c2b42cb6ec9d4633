using System.Globalization;
using OvopBot.Channels.Abstractions;
using OvopBot.Records;
using OvopBot.Reviews;

namespace OvopBot.Staff;

/// <summary>
/// The review dialog in the chat (thin glue over <see cref="ReviewService"/> and <see cref="ProposalService"/>, which
/// check scope and state at every step): PERIKSA lists what awaits review, paged; a number opens a record (its
/// answers numbered, paged with LAGI) or a proposal; SETUJU verifies, "PERBAIKI 3,5 note" asks the village head those
/// questions again, TERIMA / TOLAK decide a proposal. Every reply is at most 500 characters.
/// </summary>
public sealed class StaffReviewDialog(ReviewService reviews, ProposalService proposals)
{
    private const int ListPageSize = 8;
    private const int MaxValueLength = 80;

    public async Task<StaffAnswer> ListAsync(StaffContext ctx, StaffState state, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(state);
        var (_, items) = await reviews.ListAsync(Reviewer(ctx), cancellationToken);
        if (items.Count == 0)
        {
            return Reply(state.Closed(), ctx.Text("staff_review_none"));
        }

        var pages = (items.Count + ListPageSize - 1) / ListPageSize;
        page = Math.Clamp(page, 1, pages);
        var first = (page - 1) * ListPageSize;
        var shown = items.Skip(first).Take(ListPageSize).ToList();
        var lines = new List<string>
        {
            ctx.Text("staff_review_header", StaffDesk.V(("from", first + 1), ("to", first + shown.Count), ("total", items.Count), ("page", page), ("pages", pages))),
        };
        lines.AddRange(shown.Select((item, i) => ctx.Text(item.IsProposal ? "staff_review_proposal_line" : "staff_review_line", new Dictionary<string, string>
        {
            ["n"] = (first + i + 1).ToString(CultureInfo.InvariantCulture),
            ["village"] = item.VillageName ?? item.VillageCode ?? "-",
            ["product"] = Cut(item.Product ?? "-"),
            ["state"] = ctx.Text("review_state_" + item.State),
        })));
        lines.Add(ctx.Text(page < pages ? "staff_review_more" : "staff_review_end"));
        return new StaffAnswer(StaffMessages.Pack(lines),
            state.Closed() with { Dialog = StaffState.ReviewDialog, Step = "list", Page = page, Items = items.Select(i => i.Key).ToList() });
    }

    /// <summary>Anything typed while the dialog is open; null when it is not a review matter (the engine answers).</summary>
    public async Task<StaffAnswer?> ContinueAsync(StaffContext ctx, StaffState state, StaffCommand? command, (StaffCommand Command, string Words)? withRest,
        string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(state);
        if (withRest is { Command: StaffCommand.Fix } fix)
        {
            return await FixAsync(ctx, state, fix.Words, cancellationToken);
        }

        switch (command)
        {
            case StaffCommand.More when state.Open is not null:
                return await OpenAsync(ctx, state, state.Open, state.OpenPage + 1, cancellationToken);
            case StaffCommand.More:
                return await ListAsync(ctx, state, state.Page + 1, cancellationToken);
            case StaffCommand.Fix:
                return Reply(state, ctx.Text(state.Open is null ? "staff_review_not_open" : "staff_review_fix_usage"));
            case StaffCommand.Approve or StaffCommand.Accept or StaffCommand.Reject:
                return await DecideAsync(ctx, state, command.Value, cancellationToken);
        }

        if (StaffChoice.Number(text) is { } n && n >= 1 && n <= state.Items.Count)
        {
            return await OpenAsync(ctx, state, state.Items[n - 1], 1, cancellationToken);
        }

        // Anything else is for the registration: the dialog closes and the engine answers.
        return new StaffAnswer(null, state.Closed());
    }

    private async Task<StaffAnswer> OpenAsync(StaffContext ctx, StaffState state, string key, int page, CancellationToken cancellationToken)
    {
        var (isProposal, id) = Parse(key);
        List<string> lines;
        string header;
        string footer;
        if (isProposal)
        {
            var (outcome, view) = await proposals.ShowAsync(Reviewer(ctx), id, ctx.Language, cancellationToken);
            if (view is null)
            {
                return Refused(ctx, state, outcome);
            }

            header = ctx.Text("staff_review_proposal_header", Names(view.VillageName, view.Reference));
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
            var (outcome, record) = await reviews.ShowAsync(Reviewer(ctx), id, ctx.Language, cancellationToken);
            if (record is null)
            {
                return Refused(ctx, state, outcome);
            }

            header = "";
            lines = record.Lines.Select(l => ctx.Text("staff_review_record_line", new Dictionary<string, string>
            {
                ["n"] = l.Number.ToString(CultureInfo.InvariantCulture),
                ["label"] = l.Label,
                ["value"] = Cut(l.Value),
            })).ToList();
            footer = ctx.Text("staff_review_record_footer");
            var values = Names(record.VillageName, record.Reference);
            values["state"] = ctx.Text("review_state_" + record.State);
            values["page"] = "{page}";
            values["pages"] = "{pages}";
            header = ctx.Text("staff_review_record_header", values);
        }

        var pages = Paginate(header, lines, footer);
        page = Math.Clamp(page, 1, pages.Count);
        var text = pages[page - 1]
            .Replace("{page}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{pages}", pages.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return Reply(state with { Step = "open", Open = key, OpenPage = page }, text);
    }

    private async Task<StaffAnswer> DecideAsync(StaffContext ctx, StaffState state, StaffCommand command, CancellationToken cancellationToken)
    {
        if (state.Open is not { } key || Parse(key).IsProposal != (command != StaffCommand.Approve))
        {
            return Reply(state, ctx.Text("staff_review_not_open"));
        }

        var id = Parse(key).Id;
        var reviewer = Reviewer(ctx);
        var outcome = command switch
        {
            StaffCommand.Approve => await reviews.ApproveAsync(reviewer, id, cancellationToken),
            StaffCommand.Accept => await proposals.AcceptAsync(reviewer, id, cancellationToken),
            _ => await proposals.RejectAsync(reviewer, id, cancellationToken),
        };
        if (outcome != ReviewOutcome.Done)
        {
            return Refused(ctx, state, outcome);
        }

        var names = await NamesAsync(ctx, key, cancellationToken);
        var done = command switch
        {
            StaffCommand.Approve => "staff_review_approved",
            StaffCommand.Accept => "staff_proposal_accepted",
            _ => "staff_proposal_rejected",
        };
        return Reply(state with { Open = null, Step = "list" }, ctx.Text(done, names));
    }

    private async Task<StaffAnswer> FixAsync(StaffContext ctx, StaffState state, string rest, CancellationToken cancellationToken)
    {
        if (state.Open is not { } key || Parse(key).IsProposal)
        {
            return Reply(state, ctx.Text("staff_review_not_open"));
        }

        if (FixRequestParser.Parse(rest) is not { } request)
        {
            return Reply(state, ctx.Text("staff_review_fix_usage"));
        }

        var id = Parse(key).Id;
        var outcome = await reviews.AskFixAsync(Reviewer(ctx), id, request.Numbers, request.Note, cancellationToken);
        var numbers = string.Join(",", request.Numbers);
        if (outcome == ReviewOutcome.UnknownNumbers)
        {
            var count = (await reviews.ShowAsync(Reviewer(ctx), id, ctx.Language, cancellationToken)).Record?.Lines.Count ?? 0;
            return Reply(state, ctx.Text("staff_review_fix_unknown", new Dictionary<string, string>
            {
                ["numbers"] = numbers,
                ["count"] = count.ToString(CultureInfo.InvariantCulture),
            }));
        }

        if (outcome != ReviewOutcome.Done)
        {
            return Refused(ctx, state, outcome);
        }

        var names = await NamesAsync(ctx, key, cancellationToken);
        names["numbers"] = numbers;
        return Reply(state with { Open = null, Step = "list" }, ctx.Text("staff_review_fix_sent", names));
    }

    private static StaffAnswer Refused(StaffContext ctx, StaffState state, ReviewOutcome outcome)
    {
        var text = outcome switch
        {
            ReviewOutcome.OutsideScope or ReviewOutcome.NoRole => ctx.Text("staff_review_outside_scope"),
            ReviewOutcome.NoNote => ctx.Text("staff_review_fix_usage"),
            ReviewOutcome.NoRespondent => ctx.Text("staff_review_no_respondent"),
            ReviewOutcome.AlreadyDecided => ctx.Text("staff_proposal_decided"),
            ReviewOutcome.NotAwaiting => ctx.Text("staff_review_not_awaiting", new Dictionary<string, string> { ["state"] = "-" }),
            _ => ctx.Text("staff_review_not_found"),
        };
        return Reply(state, text);
    }

    private async Task<Dictionary<string, string>> NamesAsync(StaffContext ctx, string key, CancellationToken cancellationToken)
    {
        var (isProposal, id) = Parse(key);
        var submissionId = isProposal ? (await proposals.ShowAsync(Operator, id, ctx.Language, cancellationToken)).View?.SubmissionId ?? 0 : id;
        var record = (await reviews.ShowAsync(Operator, submissionId, ctx.Language, cancellationToken)).Record;
        return Names(record?.VillageName, record?.Reference);
    }

    /// <summary>Names of a record already checked against the reviewer's scope, read for the reply.</summary>
    private static readonly Reviewer Operator = Reviews.Reviewer.Operator("chat");

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

    private static Reviewer Reviewer(StaffContext ctx) => new(ctx.ContactId, ctx.Author);

    private static (bool IsProposal, long Id) Parse(string key) =>
        (key.StartsWith("proposal:", StringComparison.Ordinal), long.Parse(key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture));

    private static string Cut(string value) => value.Length <= MaxValueLength ? value : value[..(MaxValueLength - 1)].TrimEnd() + "…";

    private static StaffAnswer Reply(StaffState state, string text) => new([new OutboundMessage { Text = text }], state);
}
