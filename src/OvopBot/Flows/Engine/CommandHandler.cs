using System.Globalization;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;

namespace OvopBot.Flows.Engine;

/// <summary>The global commands, understood in every state: help, back, restart, status, language, stop, resume, skip, start.</summary>
internal static class CommandHandler
{
    public static void Handle(EngineStep step, FlowCommand command, string? payload)
    {
        // A command always replaces a follow-up question that was still open.
        step.State = step.State with { Pending = null };
        switch (command)
        {
            case FlowCommand.Help:
                Help(step);
                break;
            case FlowCommand.Back:
                Back(step);
                break;
            case FlowCommand.Restart:
                step.State = step.State with { Pending = new PendingQuestion(PendingKind.ConfirmRestart) };
                step.Reply(MessageRenderer.WithOptions(step.Flow, step.State.Language, step.T("restart_confirm"),
                    MessageRenderer.YesNoOptions(step.Flow, step.State.Language)));
                break;
            case FlowCommand.Status:
                Status(step);
                break;
            case FlowCommand.Language:
                step.State = step.State with { Pending = new PendingQuestion(PendingKind.ChooseLanguage) };
                step.Reply(MessageRenderer.WithOptions(step.Flow, step.State.Language, step.T("language_prompt"),
                    LanguageOptions(step.Flow)));
                break;
            case FlowCommand.Stop:
                step.Emit(new OptedOut());
                step.Say(step.T("opted_out"));
                break;
            case FlowCommand.Resume:
                // MULAI both re-subscribes and (re)starts: as a first message it begins the registration.
                step.Emit(new OptedIn());
                if (step.State.Status is SessionStatus.NotStarted or SessionStatus.Declined)
                {
                    step.Begin();
                }
                else
                {
                    step.AskCurrent(step.T("opted_in"));
                }

                break;
            case FlowCommand.More:
                if (step.CurrentNode is { Expect: AnswerKind.Summary } && step.State.Status == SessionStatus.Active)
                {
                    step.State = step.State with { SummaryPage = step.State.SummaryPage + 1 };
                    step.AskCurrent();
                }
                else
                {
                    Start(step, null);
                }

                break;
            case FlowCommand.Person:
                AskPerson(step);
                break;
            case FlowCommand.Skip:
                Skip(step);
                break;
            case FlowCommand.Submit:
                if (step.CurrentNode is { Expect: AnswerKind.Summary } summary && step.State.Status == SessionStatus.Active)
                {
                    SummaryHandler.Submit(step, summary);
                }
                else
                {
                    step.AskCurrent(step.T("submit_not_yet"));
                }

                break;
            case FlowCommand.Start:
                Start(step, payload);
                break;
            case FlowCommand.MyData:
                PersonalDataReport.Show(step);
                break;
            case FlowCommand.Erase:
                step.State = step.State with { Pending = new PendingQuestion(PendingKind.ConfirmErase) };
                step.Reply(MessageRenderer.WithOptions(step.Flow, step.State.Language, step.T("erase_confirm"),
                    MessageRenderer.YesNoOptions(step.Flow, step.State.Language)));
                break;
        }
    }

    /// <summary>
    /// BANTUAN: short and about the current question (what it expects, its ways out), then "1. Tanya pendamping
    /// 2. Lanjut menjawab" so a person is one number away.
    /// </summary>
    private static void Help(EngineStep step)
    {
        var node = step.State.Status == SessionStatus.Active ? step.CurrentNode : null;
        var body = step.T("help_commands");
        if (node is not null)
        {
            var about = step.T("help", new Dictionary<string, string> { ["question"] = QuestionName(step, node) });
            body = (node.Expect == AnswerKind.Summary ? about : step.WaysOut(node, about, withPerson: false)) + "\n" + body;
        }
        if (!step.Flow.Commands.ContainsKey(FlowCommand.Person))
        {
            step.AskCurrent(body);
            return;
        }

        step.State = step.State with { Pending = new PendingQuestion(PendingKind.HelpMenu) };
        step.Reply(MessageRenderer.WithOptions(step.Flow, step.State.Language, body, HelpOptions(step)));
    }

    /// <summary>The question's summary label, or the last line of its text (consent has no label).</summary>
    private static string QuestionName(EngineStep step, FlowNode node)
    {
        var name = node.Label?.Get(step.State.Language) ?? node.Text.Get(step.State.Language).Split('\n')[^1];
        return name.Length <= 60 ? name : name[..59].TrimEnd() + "…";
    }

    internal static IReadOnlyList<ReplyOption> HelpOptions(EngineStep step) =>
    [
        new("person", step.T("help_person")),
        new("continue", step.T("help_continue")),
    ];

    internal static void AskPerson(EngineStep step)
    {
        step.State = step.State with { Pending = new PendingQuestion(PendingKind.HandoffMessage) };
        step.Say(step.T("handoff_prompt"));
    }

    internal static IReadOnlyList<ReplyOption> LanguageOptions(FlowDefinition flow) =>
        flow.Languages.Select(l => new ReplyOption(l, flow.Text("language_name", l))).ToList();

    private static void Start(EngineStep step, string? payload)
    {
        if (payload is not null)
        {
            step.Emit(new StartPayloadReceived(payload));
        }

        switch (step.State.Status)
        {
            case SessionStatus.NotStarted or SessionStatus.Declined:
                step.Begin();
                break;
            case SessionStatus.Active:
                step.WelcomeBack();
                break;
            default:
                step.ShowFinishedMenu();
                break;
        }
    }

    private static void Back(EngineStep step)
    {
        var history = step.State.History;
        var current = step.State.NodeId;
        // The last entry may be the question we are at (after BACK once); go one further.
        var index = history.Count - 1;
        while (index >= 0 && history[index] == current)
        {
            index--;
        }

        if (step.State.Status != SessionStatus.Active || index < 0)
        {
            step.AskCurrent(step.T("back_unavailable"));
            return;
        }

        var target = history[index];
        step.State = step.State with { History = history.Take(index).ToList(), ReturnTo = null };
        step.AskAt(target);
    }

    private static void Status(EngineStep step)
    {
        var state = step.State;
        var values = new Dictionary<string, string>
        {
            ["reference"] = state.Reference ?? "",
            ["answered"] = state.Answers.Count.ToString(CultureInfo.InvariantCulture),
            ["progress"] = FlowEngine.Progress(step.Flow, state.NodeId, state.Language) ?? "",
        };
        switch (state.Status)
        {
            case SessionStatus.NotStarted:
                step.Say(step.T("status_not_started"));
                break;
            case SessionStatus.Active:
                step.AskCurrent(step.T("status_in_progress", values));
                break;
            case SessionStatus.Submitted when state.ProposalFor is not null:
                step.Say(step.T("proposal_status"));
                break;
            case SessionStatus.Submitted:
                step.Say(step.T("status_submitted", values));
                break;
            default:
                step.Say(step.T("status_declined", values));
                break;
        }
    }

    private static void Skip(EngineStep step)
    {
        if (step.State.Status == SessionStatus.Active && step.CurrentNode is { Optional: true } node)
        {
            step.Say(step.T("answer_skipped"));
            step.SaveAndAdvance(node, null);
            return;
        }

        // A required question: counts as a miss, so a second LEWATI lists the ways out (TIDAK TAHU, PENDAMPING…).
        step.Miss(step.T("skip_not_allowed"));
    }
}
