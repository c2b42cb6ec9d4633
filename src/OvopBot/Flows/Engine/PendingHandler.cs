using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Answers;
using OvopBot.Understanding;

namespace OvopBot.Flows.Engine;

/// <summary>Understands the reply to a follow-up question the engine asked in the previous step.</summary>
internal static class PendingHandler
{
    public static void Handle(EngineStep step, PendingQuestion pending, InboundMessage message, string text)
    {
        switch (pending.Kind)
        {
            case PendingKind.ConfirmAnswer:
                ConfirmAnswer(step, pending, message, text);
                break;
            case PendingKind.ConfirmRestart:
                ConfirmRestart(step, message, text);
                break;
            case PendingKind.ChooseLanguage:
                ChooseLanguage(step, message, text);
                break;
            case PendingKind.FinishedMenu:
                FinishedMenu(step, message, text);
                break;
            case PendingKind.HelpMenu:
                switch (Choose(message, text, CommandHandler.HelpOptions(step)))
                {
                    case "person":
                        CommandHandler.AskPerson(step);
                        break;
                    case "continue":
                        step.State = step.State with { Pending = null };
                        if (AtQuestion(step))
                        {
                            step.AskCurrent();
                        }
                        else
                        {
                            // BANTUAN before the start or after the end: no question to go on with, and AskCurrent
                            // would say nothing; begin, or show the closing menu, as any other message would.
                            FlowEngine.Continue(step, message, text);
                        }

                        break;
                    default:
                        // Not a menu choice: most likely the answer to the question itself.
                        step.State = step.State with { Pending = null };
                        FlowEngine.Continue(step, message, text);
                        break;
                }

                break;
            case PendingKind.HandoffMessage:
                if (GoesToFacilitators(message, text))
                {
                    step.HandOff(message, "handoff_sent");
                }
                else
                {
                    step.State = step.State with { Pending = null };
                    step.AskCurrent(step.T("handoff_cancelled"));
                }

                break;
            case PendingKind.ConfirmErase:
                ConfirmErase(step, message, text);
                break;
            case PendingKind.AnswerDialog:
                if (step.CurrentNode is { } node)
                {
                    var input = new AnswerInput(step.Flow, node, message, text, step.State.Language) { Context = step.Context };
                    FlowEngine.Apply(step, node, step.Engine.Interpreter(node.Expect).Continue(input, pending.Data ?? []));
                }

                break;
        }
    }

    /// <summary>
    /// Whether <see cref="Handle"/> would use the message's file (FlowEngine.TakesMedia): the same choices, read
    /// without acting on them. A fresh answer or a follow-up's reply uses it as the question's interpreter would.
    /// </summary>
    public static bool TakesMedia(EngineStep step, PendingQuestion pending, InboundMessage message, string text) => pending.Kind switch
    {
        PendingKind.HandoffMessage => GoesToFacilitators(message, text) && EngineStep.HandsOverFile(message),
        PendingKind.ConfirmAnswer => YesNoInterpreter.Parse(message, text) is null && InterpreterTakes(step, message),
        PendingKind.AnswerDialog => InterpreterTakes(step, message),
        PendingKind.HelpMenu => Choose(message, text, CommandHandler.HelpOptions(step)) switch
        {
            "person" => false,
            "continue" when AtQuestion(step) => false,
            _ => FlowEngine.ContinueTakesMedia(step, message, text),
        },
        PendingKind.ChooseLanguage => Choose(message, text, CommandHandler.LanguageOptions(step.Flow)) is null &&
                                      FlowEngine.ContinueTakesMedia(step, message, text),
        _ => false,
    };

    /// <summary>After PENDAMPING, a voice note or any text goes to the facilitators; anything else cancels.</summary>
    private static bool GoesToFacilitators(InboundMessage message, string text) =>
        message.Kind == InboundKind.Voice || (message.Kind == InboundKind.Text && text.Length > 0);

    private static bool AtQuestion(EngineStep step) => step.State.Status == SessionStatus.Active && step.CurrentNode is not null;

    private static bool InterpreterTakes(EngineStep step, InboundMessage message) =>
        step.CurrentNode is { } node && step.Engine.InterpreterTakesMedia(node, message);

    private static void ConfirmAnswer(EngineStep step, PendingQuestion pending, InboundMessage message, string text)
    {
        var yes = YesNoInterpreter.Parse(message, text);
        if (step.CurrentNode is not { } node)
        {
            step.State = step.State with { Pending = null };
            return;
        }

        if (yes is null)
        {
            // Not yes or no: maybe a fresh answer to the question itself ("Maksud: Kopi?" → "3").
            var input = new AnswerInput(step.Flow, node, message, text, step.State.Language) { Context = step.Context };
            var fresh = step.Engine.Interpreter(node.Expect).Interpret(input);
            step.State = step.State with { Pending = null };
            FlowEngine.Apply(step, node, fresh);
            return;
        }

        if (yes.Value)
        {
            step.SaveAndAdvance(node, pending.Data?["value"]?.DeepClone());
        }
        else
        {
            step.State = step.State with { Pending = null };
            step.AskCurrent();
        }
    }

    private static void ConfirmRestart(EngineStep step, InboundMessage message, string text)
    {
        var yes = YesNoInterpreter.Parse(message, text);
        step.State = step.State with { Pending = null };
        // Anything but a clear yes keeps the answers: nothing is lost by a misunderstanding.
        if (yes is not true)
        {
            step.AskCurrent(step.T("restart_cancelled"));
            return;
        }

        step.State = step.State with { Answers = [], History = [], ReturnTo = null };
        step.Emit(new ConversationRestarted());
        step.Say(step.T("restart_done"));
        step.Begin();
    }

    /// <summary>
    /// HAPUS DATA confirmed: the store erases the person's data in this step's transaction. The conversation starts
    /// afresh (nothing of it is kept), keeping only the language to answer in.
    /// </summary>
    private static void ConfirmErase(EngineStep step, InboundMessage message, string text)
    {
        var yes = YesNoInterpreter.Parse(message, text);
        if (yes is null)
        {
            step.Reply(MessageRenderer.WithOptions(step.Flow, step.State.Language,
                step.T("yesno_unclear") + "\n" + step.T("erase_confirm"),
                MessageRenderer.YesNoOptions(step.Flow, step.State.Language)));
            return;
        }

        if (!yes.Value)
        {
            step.State = step.State with { Pending = null };
            step.AskCurrent(step.T("erase_cancelled"));
            return;
        }

        step.State = new SessionState { FlowId = step.State.FlowId, Language = step.State.Language, LastActivityAt = step.Now };
        step.Emit(new ErasureRequested());
        step.Say(step.T("erase_done"));
    }

    private static void ChooseLanguage(EngineStep step, InboundMessage message, string text)
    {
        var options = CommandHandler.LanguageOptions(step.Flow);
        var language = Choose(message, text, options);
        if (language is null)
        {
            // Not a language: the menu closes and the message is taken as what it most likely is, an answer.
            step.State = step.State with { Pending = null };
            FlowEngine.Continue(step, message, text);
            return;
        }

        step.State = step.State with { Pending = null, Language = language };
        step.Emit(new LanguageChanged(language));
        if (step.State.Status == SessionStatus.NotStarted)
        {
            step.Say(step.T("language_changed"));
            step.Begin();
        }
        else if (step.State.Status == SessionStatus.Active)
        {
            step.AskCurrent(step.T("language_changed"));
        }
        else
        {
            step.Say(step.T("language_changed"));
        }
    }

    private static void FinishedMenu(EngineStep step, InboundMessage message, string text)
    {
        switch (Choose(message, text, step.FinishedMenuOptions()))
        {
            case "review" when step.Flow.Nodes.FirstOrDefault(n => n.Expect == Definition.AnswerKind.Summary) is { } summary:
                step.AskAt(summary.Id);
                break;
            case "close" or "review":
                step.State = step.State with { Pending = null };
                step.Say(step.T("finished_closed"));
                break;
            default:
                // Not a menu choice: close the menu (the next message shows it again) rather than repeat it.
                step.State = step.State with { Pending = null };
                step.Say(step.T("finished_closed"));
                break;
        }
    }

    /// <summary>A small numbered menu: by button, number, or label.</summary>
    private static string? Choose(InboundMessage message, string text, IReadOnlyList<ReplyOption> options)
    {
        if (message.Kind == InboundKind.Choice && options.Any(o => o.Key == message.ChoiceId))
        {
            return message.ChoiceId;
        }

        var match = ChoiceMatcher.Match(text, options.Select(o => new ChoiceCandidate(o.Key, [o.Label, o.Key])).ToList());
        return match.Kind == ChoiceMatchKind.Exact ? match.Keys[0] : null;
    }
}
