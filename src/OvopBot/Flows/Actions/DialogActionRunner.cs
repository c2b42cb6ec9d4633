using Microsoft.Extensions.Logging;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Storage;

namespace OvopBot.Flows.Actions;

/// <summary>
/// One message's turn in a dialog flow: the write transaction, the flow, who writes, the message and the command (or
/// input) recognised in it, the clock; and the work its actions leave for after the commit.
/// </summary>
public sealed record DialogTurn(WriteTransaction Write, FlowDefinition Flow, StaffMember Person, string Input, string? Command, DateTimeOffset Now)
{
    public List<Func<CancellationToken, Task>> AfterCommit { get; } = [];
}

/// <summary>
/// Applies the actions a dialog asks for, each by its handler (<see cref="DialogActionCatalog"/>) in the message's
/// transaction, and resumes the engine with each outcome, until the dialog waits, ends or passes. A dialog that keeps
/// asking is closed at the one loop limit (<see cref="FlowEngine.MaxNodesPerStep"/>) with the failure logged.
/// </summary>
public sealed class DialogActionRunner(IServiceProvider services, ILogger<DialogActionRunner> logger)
{
    private readonly Lazy<IReadOnlyDictionary<string, IDialogActions>> _handlers = new(() => DialogActionCatalog.Handlers(services));

    public async Task<DialogResult> RunAsync(DialogTurn turn, DialogResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(result);
        for (var actions = 0; result.Stop == DialogStop.ActionRequested; actions++)
        {
            if (actions == FlowEngine.MaxNodesPerStep)
            {
                result = result with { State = result.State.Closed(), Stop = DialogStop.Answered, Failure = new StepLimitReached(turn.Flow.Id, result.State.NodeId!) };
                break;
            }

            var context = new DialogActionContext(turn.Write, turn.Flow, turn.Person, turn.Input, turn.Command, result.State.AllValues(), turn.Now);
            var outcome = await _handlers.Value[result.Action!].ApplyAsync(result.Action!, context, cancellationToken);
            if (outcome.AfterCommit is { } work)
            {
                turn.AfterCommit.Add(work);
            }

            result = FlowEngine.ResumeDialog(turn.Flow, turn.Person.Language, result.State, outcome, result.Replies);
        }

        if (result.Failure is { } failure)
        {
            logger.LogError("Dialog flow {Flow} stopped at node {Node}: more than {Limit} nodes in one step (the flow loops)",
                failure.FlowId, failure.NodeId, FlowEngine.MaxNodesPerStep);
        }

        return result;
    }
}
