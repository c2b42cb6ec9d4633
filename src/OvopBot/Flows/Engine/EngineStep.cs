using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;

namespace OvopBot.Flows.Engine;

/// <summary>
/// The working state of one engine step: the session as it evolves, the replies and the events so far, and the
/// moves every handler shares (ask the current question, save an answer and go on, enter a node).
/// </summary>
internal sealed class EngineStep(FlowEngine engine, FlowDefinition flow, SessionState state, DateTimeOffset now, IFlowContext context)
{
    /// <summary>Every this many unusable answers in a row the reply lists the ways out instead of the question.</summary>
    private const int MissesBeforeWaysOut = 2;

    private readonly List<OutboundMessage> _replies = [];
    private readonly List<FlowEvent> _events = [];

    public FlowEngine Engine { get; } = engine;
    public FlowDefinition Flow { get; } = flow;
    public DateTimeOffset Now { get; } = now;
    public IFlowContext Context { get; } = context;
    public SessionState State { get; set; } = state;

    public FlowNode? CurrentNode => State.NodeId is { } id && Flow.TryGetNode(id, out var node) ? node : null;

    public StepResult Finish() => new(State, _replies, _events);

    /// <summary>
    /// Whatever was typed (the same command, the same junk), a person never reads the very same reply three times in a
    /// row: the third, fifth… identical reply also says who to ask (PENDAMPING) or where help is.
    /// </summary>
    public void AvoidThirdRepeat()
    {
        if (_replies.Count == 0)
        {
            return;
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join("\u0001", _replies.Select(r => r.Text)))))[..16];
        var repeats = hash == State.LastReplies ? State.RepeatedReplies + 1 : 0;
        State = State with { LastReplies = hash, RepeatedReplies = repeats };
        if (repeats >= 2 && repeats % 2 == 0)
        {
            var hint = Flow.Commands.ContainsKey(FlowCommand.Person) ? T("stuck_ways") + "\n" + T("way_person") : T("help_hint");
            Say(hint); // its own message, so a full screen never grows past a basic phone's limit
        }
    }

    public string T(string key, IReadOnlyDictionary<string, string>? values = null) => Flow.Text(key, State.Language, values);

    public void Say(string text) => _replies.Add(MessageRenderer.Plain(text));

    public void Reply(OutboundMessage message) => _replies.Add(message);

    public void Emit(FlowEvent e) => _events.Add(e);

    /// <summary>Records the person's activity and the phone number their platform vouches for.</summary>
    public void Touch(InboundMessage message) => State = State with
    {
        LastActivityAt = Now,
        ChannelPhone = message.Phone is { Length: > 0 } && message.Kind != InboundKind.Contact ? message.Phone : State.ChannelPhone,
    };

    /// <summary>Starts the conversation at the flow's start node.</summary>
    public void Begin()
    {
        State = State with { Status = SessionStatus.Active, NodeId = null, Pending = null, Misses = 0 };
        Enter(Flow.Start);
    }

    /// <summary>Asks the current question again, optionally after a short explanation.</summary>
    public void AskCurrent(string? prefix = null)
    {
        if (State.Status != SessionStatus.Active || CurrentNode is not { } node)
        {
            if (prefix is not null)
            {
                Say(prefix);
            }

            return;
        }

        if (node.Expect == AnswerKind.Summary)
        {
            // A summary page fills a screen by itself; anything said before it is its own message.
            if (prefix is not null)
            {
                Say(prefix);
            }

            Reply(SummaryHandler.Render(this, node));
            return;
        }

        var question = MessageRenderer.Question(Flow, node, State.Language, prefix);
        if (prefix is not null && question.Text.Length > MessageRenderer.MaxLength)
        {
            // Too long together for a basic phone's screen: the explanation first, then the question on its own.
            Say(prefix);
            question = MessageRenderer.Question(Flow, node, State.Language);
        }

        Reply(question);
    }

    /// <summary>
    /// An answer (or a follow-up reply) the current question could not use. The first miss explains and asks again;
    /// the second says what is expected, with an example, and the ways out that fit this question (TIDAK TAHU,
    /// LEWATI, KEMBALI, PENDAMPING) instead of repeating the question; and so on in turn, so no question is
    /// repeated more than twice in a row.
    /// </summary>
    public void Miss(string reason)
    {
        State = State with { Misses = State.Misses + 1, Pending = null };
        if (State.Misses % MissesBeforeWaysOut != 0 || State.Status != SessionStatus.Active || CurrentNode is not { } node)
        {
            AskCurrent(reason);
            return;
        }

        Say(WaysOut(node, reason));
    }

    /// <summary>"What we expect, e.g. …; you may also answer: TIDAK TAHU / LEWATI / KEMBALI / PENDAMPING".</summary>
    public string WaysOut(FlowNode node, string reason, bool withPerson = true, bool withExample = true)
    {
        var text = new System.Text.StringBuilder(reason);
        if (withExample && node.Example is { } example)
        {
            text.Append('\n').Append(T("stuck_example", new Dictionary<string, string> { ["example"] = example.Get(State.Language) }));
        }

        var ways = new List<string>();
        if (node.AllowsUnknown)
        {
            ways.Add(T("way_unknown"));
        }

        if (node.Optional)
        {
            ways.Add(T("way_skip"));
        }

        if (State.History.Count > 0)
        {
            ways.Add(T("way_back"));
        }

        if (withPerson && Flow.Commands.ContainsKey(FlowCommand.Person))
        {
            ways.Add(T("way_person"));
        }

        if (ways.Count > 0)
        {
            text.Append("\n\n").Append(T("stuck_ways")).Append('\n').AppendJoin('\n', ways);
        }

        return text.ToString();
    }

    /// <summary>
    /// Passes the person's message (text or voice note) to the facilitators with where they are; the store finds who
    /// covers the village. The conversation goes on at the same question.
    /// </summary>
    public void HandOff(InboundMessage message, string textKey)
    {
        var file = HandsOverFile(message);
        Emit(new HandoffRequested(message.Text, file ? message.MediaRef : null, file ? message.MediaPath : null, State.NodeId));
        State = State with { Pending = null };
        if (State.Status == SessionStatus.NotStarted)
        {
            Say(T(textKey));
            Begin();
            return;
        }

        AskCurrent(T(textKey));
    }

    /// <summary>Whether a message handed to the facilitators goes with its file: a voice note does; a photo is not asked for.</summary>
    public static bool HandsOverFile(InboundMessage message) => message.Kind == InboundKind.Voice;

    /// <summary>After a long pause: greet, say where they are, and ask the current question again.</summary>
    public void WelcomeBack()
    {
        State = State with { Pending = null };
        var progress = FlowEngine.Progress(Flow, State.NodeId, State.Language);
        AskCurrent(progress is null ? T("welcome_back") : T("welcome_back") + "\n" + progress);
    }

    /// <summary>
    /// After the end: a submitted conversation offers to look at or change the answers; a declined one explains how
    /// to start (there is nothing to review).
    /// </summary>
    public void ShowFinishedMenu()
    {
        if (State.Status == SessionStatus.Declined)
        {
            State = State with { Pending = null };
            Say(T("status_declined"));
            return;
        }

        if (State.ProposalFor is not null)
        {
            // A proposal is the facilitator's to decide; there is no record of the person's own to look at.
            State = State with { Pending = null };
            Say(T("proposal_status"));
            return;
        }

        State = State with { Pending = new PendingQuestion(PendingKind.FinishedMenu) };
        Reply(MessageRenderer.WithOptions(Flow, State.Language,
            T("status_submitted", new Dictionary<string, string> { ["reference"] = State.Reference ?? "" }) + "\n\n" + T("finished_menu"),
            FinishedMenuOptions()));
    }

    public IReadOnlyList<ReplyOption> FinishedMenuOptions() =>
    [
        new("review", T("finished_review")),
        new("close", T("finished_close")),
    ];

    /// <summary>Saves the answer of a question (null = skipped) and moves to the next node.</summary>
    public void SaveAndAdvance(FlowNode node, JsonNode? value)
    {
        var answers = new Dictionary<string, JsonNode?>(State.Answers) { [node.Save!] = value };
        var history = new List<string>(State.History);
        if (history.Count == 0 || history[^1] != node.Id)
        {
            history.Add(node.Id);
        }

        State = State with { Answers = answers, History = history, Pending = null, Misses = 0 };
        Emit(new AnswerSaved(node.Id, node.Save!, value?.DeepClone()));
        if (node.Save == FlowEngine.ConsentField && value is JsonValue consent && consent.TryGetValue(out bool given))
        {
            Emit(new ConsentAnswered(given));
        }

        if (State.Fix is { } fix)
        {
            ContinueFix(fix, node);
            return;
        }

        Enter(NextOf(node, value));
    }

    /// <summary>
    /// Starts a round of questions to answer again (a facilitator's PERBAIKI): the record's answers are the
    /// conversation's, only these questions are asked, and the record is sent again when they are answered.
    /// </summary>
    public void AskAgain(IReadOnlyDictionary<string, JsonNode?> recordAnswers, IReadOnlyList<string> nodeIds, string intro)
    {
        var ordered = Flow.Nodes.Where(n => nodeIds.Contains(n.Id)).ToList();
        State = State with
        {
            Status = SessionStatus.Active,
            Answers = recordAnswers.ToDictionary(a => a.Key, a => a.Value?.DeepClone()),
            Pending = null,
            ReturnTo = null,
            ProposalFor = null,
            Misses = 0,
            Fix = new FixRound(ordered.Select(n => n.Id).ToList(), ordered.Select(n => n.Save!).ToList()),
        };
        AskAt(ordered[0].Id, intro);
    }

    /// <summary>
    /// After an answer in a fix round: the next question of the round, or, when none is left, the walk back to the
    /// summary (asking only questions the new answers made relevant), which then sends the record by itself.
    /// </summary>
    private void ContinueFix(FixRound fix, FlowNode answered)
    {
        var remaining = fix.Remaining.Where(id => id != answered.Id).ToList();
        State = State with { Fix = fix with { Remaining = remaining } };
        if (remaining.Count > 0)
        {
            AskAt(remaining[0]);
            return;
        }

        State = State with { ReturnTo = Flow.Nodes.FirstOrDefault(n => n.Expect == AnswerKind.Summary)?.Id };
        Enter(Flow.Start);
    }

    /// <summary>
    /// Takes over an existing submission: its answers fill every field this conversation has not answered yet, except
    /// the answers about the person (<c>personal: true</c>, who they are), which are theirs to give; then the person
    /// answers what is still missing and reviews everything at the summary.
    /// </summary>
    public void ClaimSubmission(FlowNode node, AcceptedUpdate update)
    {
        var personal = Flow.Nodes.Where(n => n.Personal && n.Save is not null).Select(n => n.Save!).ToHashSet(StringComparer.Ordinal);
        var answers = new Dictionary<string, JsonNode?>(State.Answers);
        foreach (var (field, value) in Context.SubmissionAnswers(update.SubmissionId))
        {
            if (!answers.ContainsKey(field) && !personal.Contains(field))
            {
                answers[field] = value?.DeepClone();
            }
        }

        answers[node.Save!] = update.Value;
        State = State with { Answers = answers, Pending = null, Misses = 0, History = [.. State.History, node.Id] };
        Emit(new SubmissionClaimed(update.SubmissionId));
        Emit(new AnswerSaved(node.Id, node.Save!, update.Value.DeepClone()));
        var summary = Flow.Nodes.FirstOrDefault(n => n.Expect == AnswerKind.Summary);
        if (summary is not null)
        {
            Say(T(update.IntroTextKey));
            State = State with { ReturnTo = summary.Id };
        }

        Enter(NextOf(node, update.Value));
    }

    /// <summary>
    /// Starts a proposed change to a record the person may not update: the village is saved, none of the record's
    /// answers are shown or loaded, and the person answers the questions after the village as for a new record.
    /// </summary>
    public void StartProposal(FlowNode node, AcceptedProposal proposal)
    {
        State = State with { ProposalFor = proposal.SubmissionId };
        Say(T(proposal.IntroTextKey));
        SaveAndAdvance(node, proposal.Value);
    }

    /// <summary>Where a node goes after this answer: its <c>on:</c> branch for the answer, else <c>next</c>.</summary>
    public static string? NextOf(FlowNode node, JsonNode? value)
    {
        var key = value switch
        {
            JsonValue v when v.TryGetValue(out bool yes) => yes ? "yes" : "no",
            JsonValue v when v.TryGetValue(out string? s) => s,
            _ => null,
        };
        return key is not null && node.On.TryGetValue(key, out var branch) ? branch.Target : node.Next;
    }

    /// <summary>Jumps straight to a question (BACK, or changing one answer from the summary).</summary>
    public void AskAt(string nodeId, string? prefix = null)
    {
        State = State with { NodeId = nodeId, Pending = null, Misses = 0, Status = SessionStatus.Active, SummaryPage = 0 };
        AskCurrent(prefix);
    }

    /// <summary>
    /// Walks from a node: says message nodes, skips nodes whose <c>when</c> is false (clearing their stale answers),
    /// skips already-answered questions while returning to the summary, stops at the next question or an end.
    /// </summary>
    public void Enter(string? nodeId)
    {
        for (var visited = 0; nodeId is not null; visited++)
        {
            if (visited == FlowEngine.MaxNodesPerStep)
            {
                Emit(new StepLimitReached(Flow.Id, nodeId));
                return;
            }

            var node = Flow.Node(nodeId);
            if (node.When is { } when && !when.Evaluate(State.Answers))
            {
                ClearAnswer(node);
                nodeId = node.Next;
                continue;
            }

            if (node.IsQuestion && node.Save is not null && AutoAnswer(node, out var value))
            {
                nodeId = NextOf(node, value);
                continue;
            }

            if (!node.IsQuestion)
            {
                Say(node.End == EndKind.Submitted && State.ProposalFor is not null ? T("proposal_sent") : node.Text.Get(State.Language));
                if (node.IsEnd)
                {
                    End(node);
                    return;
                }

                nodeId = node.Next;
                continue;
            }

            if (node.Expect == AnswerKind.Summary)
            {
                State = State with { ReturnTo = null, SummaryPage = 0 };
                if (State.Fix is { Remaining.Count: 0 })
                {
                    // The fix round is complete: the person answered only what was asked; the record goes back for review.
                    nodeId = node.Next;
                    continue;
                }
            }

            var returning = State.ReturnTo is not null;
            var previousSection = State.NodeId is { } previous && Flow.TryGetNode(previous, out var before) ? before.Section : null;
            State = State with { NodeId = node.Id, Misses = 0 };
            // "Bagian 2 dari 6: Data diri" at the first question of each section, so people know how far they are.
            AskCurrent(node.Section is not null && node.Section != previousSection && !returning
                ? FlowEngine.Progress(Flow, node.Id, State.Language)
                : null);
            return;
        }
    }

    /// <summary>
    /// A question needs no asking when, on the way back to the summary, it already has an answer; or when it asks
    /// for a phone number that the platform already gave (WhatsApp), which is then saved as the answer.
    /// </summary>
    private bool AutoAnswer(FlowNode node, out JsonNode? value)
    {
        if (State.ReturnTo is not null && State.Answers.TryGetValue(node.Save!, out value))
        {
            return true;
        }

        if (node.Expect == AnswerKind.Phone && State.ChannelPhone is { } phone && !State.Answers.ContainsKey(node.Save!))
        {
            value = JsonValue.Create(phone);
            State = State with { Answers = new(State.Answers) { [node.Save!] = value } };
            Emit(new AnswerSaved(node.Id, node.Save!, value.DeepClone()));
            return true;
        }

        value = null;
        return false;
    }

    private void ClearAnswer(FlowNode node)
    {
        if (node.Save is null || !State.Answers.ContainsKey(node.Save))
        {
            return;
        }

        var answers = new Dictionary<string, JsonNode?>(State.Answers);
        answers.Remove(node.Save);
        State = State with { Answers = answers };
        Emit(new AnswerSaved(node.Id, node.Save, null));
    }

    private void End(FlowNode node)
    {
        if (node.End == EndKind.Submitted && State.ProposalFor is { } record)
        {
            State = State with { Status = SessionStatus.Submitted, NodeId = null, ReturnTo = null, Pending = null };
            Emit(new ProposalCompleted(record, State.Answers.ToDictionary(a => a.Key, a => a.Value?.DeepClone())));
        }
        else if (node.End == EndKind.Submitted)
        {
            var fixedFields = State.Fix?.Fields;
            State = State with { Status = SessionStatus.Submitted, NodeId = null, ReturnTo = null, Pending = null, Fix = null };
            Emit(new SubmissionCompleted(State.Answers.ToDictionary(a => a.Key, a => a.Value?.DeepClone()), fixedFields));
        }
        else
        {
            State = State with { Status = SessionStatus.Declined, NodeId = null, ReturnTo = null, Pending = null };
            Emit(new ConversationDeclined());
        }
    }
}
