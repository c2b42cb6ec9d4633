using System.Globalization;
using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Actions;
using OvopBot.Flows.Answers;
using OvopBot.Flows.Definition;
using OvopBot.Understanding;

namespace OvopBot.Flows.Engine;

/// <summary>
/// The conversation state machine: <c>(flow, state, message, now) → (state, replies, events)</c>. States are the
/// flow's question nodes, triggers are understood answers and commands, guards are validation and <c>when</c>
/// conditions. It does no I/O and reads no clock, so every conversation can be replayed as a transcript.
/// </summary>
public sealed class FlowEngine
{
    /// <summary>The answer field of the consent question; its answer is recorded with the consent text's version.</summary>
    public const string ConsentField = "consent";

    /// <summary>Longer messages are refused before any parsing: nobody types an answer that long on a phone.</summary>
    public const int MaxInputLength = 2000;

    /// <summary>
    /// The one loop guard: the most nodes one step may enter (message nodes, skipped questions, dialog actions)
    /// before it stops with a <see cref="StepLimitReached"/> event. A flow that gets there loops without asking.
    /// </summary>
    public const int MaxNodesPerStep = 200;

    private readonly IReadOnlyDictionary<AnswerKind, IAnswerInterpreter> _interpreters;
    private readonly PerFlow<CommandMatcher> _commands = new(flow => new CommandMatcher(flow));

    public FlowEngine(IEnumerable<IAnswerInterpreter> interpreters)
    {
        _interpreters = interpreters.ToDictionary(i => i.Kind);
    }

    /// <summary>An engine with the built-in interpreters (village answers as free text).</summary>
    public static FlowEngine CreateDefault(IAnswerInterpreter? village = null) => new(DefaultInterpreters(village));

    public static IEnumerable<IAnswerInterpreter> DefaultInterpreters(IAnswerInterpreter? village = null) =>
    [
        new TextInterpreter(), new NumberInterpreter(), new MoneyInterpreter(), new ChoiceInterpreter(),
        new MultiChoiceInterpreter(), new YesNoInterpreter(), new MediaInterpreter(AnswerKind.Photo),
        new MediaInterpreter(AnswerKind.Voice), new LocationInterpreter(), new PhoneInterpreter(),
        new MonthInterpreter(AnswerKind.Month), new MonthInterpreter(AnswerKind.Months),
        village ?? new FreeTextVillageInterpreter(),
    ];

    public IAnswerInterpreter Interpreter(AnswerKind kind) => _interpreters[kind];

    /// <summary>Whether the node's interpreter may use the message's file (a summary or message node has none).</summary>
    internal bool InterpreterTakesMedia(FlowNode node, InboundMessage message) =>
        _interpreters.TryGetValue(node.Expect, out var interpreter) && interpreter.TakesMedia(message);

    /// <summary>Runs one inbound message through the flow.</summary>
    public StepResult Step(FlowDefinition flow, SessionState state, InboundMessage message, DateTimeOffset now,
        IFlowContext? context = null)
    {
        var step = new EngineStep(this, flow, state with { FlowId = flow.Id }, now, context ?? EmptyFlowContext.Instance);
        Handle(step, message);
        step.AvoidThirdRepeat();
        return step.Finish();
    }

    // ---- staff dialogs (kind: staff) -----------------------------------------------------------------------------

    /// <summary>A staff command starts its dialog at its entry node (any open dialog is closed).</summary>
    public static DialogResult StartDialog(FlowDefinition flow, string language, FlowEntry entry, DialogState state, string input) =>
        DialogRunner.Start(flow, language, entry, state, input);

    /// <summary>The next message of a staff member whose dialog waits for one.</summary>
    public static DialogResult ContinueDialog(FlowDefinition flow, string language, DialogState state, string input, string? command) =>
        DialogRunner.Continue(flow, language, state, input, command);

    /// <summary>Resumes a dialog stopped at an action with what the action gave (goflow's resume).</summary>
    public static DialogResult ResumeDialog(FlowDefinition flow, string language, DialogState state, ActionOutcome outcome,
        IReadOnlyList<OutboundMessage> repliesSoFar) =>
        DialogRunner.Resume(flow, language, state, outcome, repliesSoFar);

    /// <summary>
    /// Resumes a conversation with a timer. A reminder re-asks the current question between the reminder texts and
    /// counts as activity, so the next message answers it instead of being greeted "welcome back"; a conversation not
    /// waiting at a question is left as it is (no reply).
    /// </summary>
    public static StepResult Resume(FlowDefinition flow, SessionState state, TimerFired timer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.Name != TimerFired.Reminder || state.Status != SessionStatus.Active || state.NodeId is not { } id || !flow.TryGetNode(id, out var node))
        {
            return new StepResult(state, [], []);
        }

        var language = state.Language;
        var question = MessageRenderer.Question(flow, node, language);
        // A person asked to fix answers is reminded of that, not of the registration.
        var intro = state.Fix is not null && flow.Texts.ContainsKey("reminder_fix") ? flow.Text("reminder_fix", language)
            : Progress(flow, id, language) is { Length: > 0 } progress
            ? flow.Text("reminder_progress", language, new Dictionary<string, string> { ["progress"] = progress })
            : flow.Text("reminder", language);
        var reminder = question with { Text = $"{intro}\n\n{question.Text}\n\n{flow.Text("reminder_footer", language)}" };
        return new StepResult(state with { LastActivityAt = now, Pending = null }, [reminder], []);
    }

    /// <summary>
    /// A facilitator asked to fix some answers of the person's record: the session takes the record's answers and asks
    /// exactly these questions (node ids) again, the first after <paramref name="intro"/>; the others stay untouched.
    /// </summary>
    public StepResult AskAgain(FlowDefinition flow, SessionState state, IReadOnlyDictionary<string, JsonNode?> recordAnswers,
        IReadOnlyList<string> nodeIds, string intro, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(nodeIds);
        if (nodeIds.Count == 0 || nodeIds.Any(id => !flow.TryGetNode(id, out var n) || !n.IsQuestion || n.Save is null))
        {
            throw new ArgumentException("Name at least one question node of the flow.", nameof(nodeIds));
        }

        var step = new EngineStep(this, flow, state with { FlowId = flow.Id, LastActivityAt = now }, now, EmptyFlowContext.Instance);
        step.AskAgain(recordAnswers, nodeIds, intro);
        return step.Finish();
    }

    /// <summary>The question a person is at, rendered again (for reminders: "you were here").</summary>
    public OutboundMessage? CurrentQuestion(FlowDefinition flow, SessionState state) =>
        state.Status == SessionStatus.Active && state.NodeId is { } id
            ? MessageRenderer.Question(flow, flow.Node(id), state.Language)
            : null;

    /// <summary>"Bagian 3 dari 7: Produk" for the node, or null when it belongs to no section.</summary>
    public static string? Progress(FlowDefinition flow, string? nodeId, string language)
    {
        if (nodeId is null || !flow.TryGetNode(nodeId, out var node) || node.Section is null)
        {
            return null;
        }

        var index = flow.Sections.Select(s => s.Id).ToList().IndexOf(node.Section);
        return flow.Text("progress", language, new Dictionary<string, string>
        {
            ["n"] = (index + 1).ToString(CultureInfo.InvariantCulture),
            ["total"] = flow.Sections.Count.ToString(CultureInfo.InvariantCulture),
            ["section"] = flow.Sections[index].Title.Get(language),
        });
    }

    internal CommandMatcher Commands(FlowDefinition flow) => _commands[flow];

    // ---- dispatch ------------------------------------------------------------------------------------------------

    /// <summary>Where a message goes first (<see cref="Handle"/>); <see cref="TakesMedia"/> reads the same decision.</summary>
    private enum Route
    {
        Nobody,
        Edited,
        TooLong,
        Command,
        Pending,
        WelcomeBack,
        Continue,
    }

    /// <summary>Where an ordinary message at the current question goes (<see cref="Continue"/>).</summary>
    private enum Move
    {
        Begin,
        FinishedMenu,
        Unusable,
        ToFacilitators,
        Summary,
        Unknown,
        Interpret,
    }

    /// <summary>
    /// Whether stepping this photo, voice note or document would use its file: as the answer to the current question,
    /// or handed to the facilitators (a PENDAMPING message, a voice note where text is expected). Media/MediaPolicy
    /// asks before the step, so that only such files are downloaded. It follows the dispatch below through the same
    /// decisions (<see cref="RouteOf"/>, <see cref="MoveOf"/>, the follow-up's handler, the interpreter's
    /// <see cref="IAnswerInterpreter.TakesMedia"/>), so the two cannot drift apart.
    /// </summary>
    public bool TakesMedia(FlowDefinition flow, SessionState? state, InboundMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(message);
        var step = new EngineStep(this, flow, (state ?? new SessionState()) with { FlowId = flow.Id }, now, EmptyFlowContext.Instance);
        var text = TextCleaner.Clean(message.Text);
        return RouteOf(step, message, text, out _) switch
        {
            Route.Pending => PendingHandler.TakesMedia(step, step.State.Pending!, message, text),
            Route.Continue => ContinueTakesMedia(step, message, text),
            _ => false,
        };
    }

    private void Handle(EngineStep step, InboundMessage message)
    {
        var text = TextCleaner.Clean(message.Text);
        var route = RouteOf(step, message, text, out var command); // before Touch: a long pause is measured to the last message
        step.Touch(message);
        switch (route)
        {
            case Route.Nobody:
                return; // the store records reachability; nobody to talk to
            case Route.Edited:
                step.Say(step.T("edited_ignored"));
                return;
            case Route.TooLong:
                step.AskCurrent(step.T("too_long"));
                return;
            case Route.Command:
                CommandHandler.Handle(step, command!.Value.Command, command.Value.Payload);
                return;
            case Route.Pending:
                PendingHandler.Handle(step, step.State.Pending!, message, text);
                return;
            case Route.WelcomeBack:
                step.WelcomeBack();
                return;
            default:
                Continue(step, message, text);
                return;
        }
    }

    private Route RouteOf(EngineStep step, InboundMessage message, string text, out (FlowCommand Command, string? Payload)? command)
    {
        command = null;
        switch (message.Kind)
        {
            case InboundKind.BlockedByUser or InboundKind.UnblockedByUser:
                return Route.Nobody;
            case InboundKind.Edited:
                return Route.Edited;
        }

        if (text.Length > MaxInputLength)
        {
            return Route.TooLong;
        }

        if (message.Kind is InboundKind.Text or InboundKind.Command && Commands(step.Flow).Match(text) is { } match)
        {
            command = match;
            return Route.Command;
        }

        // A follow-up question asked before the conversation started (HAPUS DATA's confirmation) is answered first;
        // after a long pause it is forgotten, and an active conversation greets the person back at their question.
        var paused = step.State.LastActivityAt is { } last && step.Now - last > step.Flow.ResumeAfter;
        if (step.State.Pending is not null && !paused)
        {
            return Route.Pending;
        }

        // Before the start and after the end, Continue begins or shows the closing menu, paused or not.
        return paused && step.State.Status == SessionStatus.Active ? Route.WelcomeBack : Route.Continue;
    }

    /// <summary>An ordinary message at the current question (no command, no follow-up open).</summary>
    internal static void Continue(EngineStep step, InboundMessage message, string text)
    {
        switch (MoveOf(step, message, text))
        {
            case Move.Begin:
                step.Begin();
                return;
            case Move.FinishedMenu:
                step.ShowFinishedMenu();
                return;
            case Move.Unusable:
                step.Miss(step.T(message.Kind == InboundKind.Unsupported ? "unsupported_message" : "empty_message"));
                return;
            case Move.ToFacilitators:
                step.HandOff(message, "voice_forwarded");
                return;
            case Move.Summary:
                SummaryHandler.Answer(step, step.CurrentNode!, message, text);
                return;
            case Move.Unknown:
                AnswerUnknown(step, step.CurrentNode!);
                return;
            default:
                var node = step.CurrentNode!;
                var input = new AnswerInput(step.Flow, node, message, text, step.State.Language) { Context = step.Context };
                Apply(step, node, step.Engine.Interpreter(node.Expect).Interpret(input));
                return;
        }
    }

    /// <summary>Whether <see cref="Continue"/> would use the message's file.</summary>
    internal static bool ContinueTakesMedia(EngineStep step, InboundMessage message, string text) => MoveOf(step, message, text) switch
    {
        Move.ToFacilitators => EngineStep.HandsOverFile(message),
        Move.Interpret => step.Engine.InterpreterTakesMedia(step.CurrentNode!, message),
        _ => false,
    };

    private static Move MoveOf(EngineStep step, InboundMessage message, string text)
    {
        switch (step.State.Status)
        {
            case SessionStatus.NotStarted:
                return Move.Begin;
            case SessionStatus.Submitted or SessionStatus.Declined:
                return Move.FinishedMenu;
        }

        if (message.Kind == InboundKind.Unsupported || (message.Kind == InboundKind.Text && text.Length == 0))
        {
            return Move.Unusable;
        }

        // A voice note where text is expected is not refused: it goes to the facilitators like a PENDAMPING message.
        if (message.Kind == InboundKind.Voice && step.CurrentNode is { } current && current.Expect != AnswerKind.Voice &&
            step.Flow.Commands.ContainsKey(FlowCommand.Person))
        {
            return Move.ToFacilitators;
        }

        if (step.CurrentNode is not { } node)
        {
            return Move.Begin;
        }

        if (node.Expect == AnswerKind.Summary)
        {
            return Move.Summary;
        }

        return message.Kind == InboundKind.Text && LocalSpeech.IsUnknown(text) ? Move.Unknown : Move.Interpret;
    }

    /// <summary>
    /// "tidak tahu" (any local form): saved as unknown where the flow allows it, a skip on an optional question, else
    /// a miss that explains a rough guess is fine.
    /// </summary>
    private static void AnswerUnknown(EngineStep step, FlowNode node)
    {
        if (node.AllowsUnknown)
        {
            step.Say(step.T("answer_unknown"));
            step.SaveAndAdvance(node, AnswerValues.Unknown());
        }
        else if (node.Optional)
        {
            step.Say(step.T("answer_skipped"));
            step.SaveAndAdvance(node, null);
        }
        else
        {
            step.Miss(step.T("unknown_not_allowed"));
        }
    }

    /// <summary>Acts on what an interpreter made of an answer.</summary>
    internal static void Apply(EngineStep step, FlowNode node, Interpretation interpretation)
    {
        switch (interpretation)
        {
            case Accepted accepted:
                step.SaveAndAdvance(node, accepted.Value);
                break;
            case NeedsConfirmation confirm:
                step.State = step.State with
                {
                    Pending = new PendingQuestion(PendingKind.ConfirmAnswer, new JsonObject
                    {
                        ["value"] = confirm.Value.DeepClone(),
                        ["display"] = confirm.Display,
                    }),
                };
                step.Reply(MessageRenderer.WithOptions(step.Flow, step.State.Language,
                    step.T("did_you_mean", new Dictionary<string, string> { ["answer"] = confirm.Display }),
                    MessageRenderer.YesNoOptions(step.Flow, step.State.Language)));
                break;
            case AcceptedUpdate update:
                step.ClaimSubmission(node, update);
                break;
            case AcceptedProposal proposal:
                step.StartProposal(node, proposal);
                break;
            case FacilitatorRequested asked:
                step.State = step.State with { Pending = null };
                step.Emit(new FacilitatorAsked(asked.VillageCode));
                step.AskCurrent(step.T(asked.TextKey));
                break;
            case FollowUp followUp:
                // The same follow-up again (a district not found twice…) counts as a miss; every second one also
                // lists the ways out, so the person never reads the same message three times.
                var again = step.State.Pending is { Kind: PendingKind.AnswerDialog, Data: { } before } &&
                            before["stage"]?.ToString() == followUp.Data["stage"]?.ToString();
                var misses = again ? step.State.Misses + 1 : step.State.Misses;
                step.State = step.State with { Pending = new PendingQuestion(PendingKind.AnswerDialog, followUp.Data), Misses = misses };
                step.Reply(again && misses % 2 == 0 ? followUp.Reply with { Text = step.WaysOut(node, followUp.Reply.Text, withExample: false) } : followUp.Reply);
                break;
            case Rejected rejected:
                step.Miss(step.T(rejected.TextKey, rejected.Values));
                break;
        }
    }
}
