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
                step.AskCurrent(step.T("help"));
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
                step.Emit(new OptedIn());
                step.AskCurrent(step.T("opted_in"));
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
            case SessionStatus.NotStarted:
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

        step.AskCurrent(step.T("skip_not_allowed"));
    }
}
