namespace OvopBot.Flows.Actions;

/// <summary>
/// Applies the named actions of one staff dialog, inside the message's write transaction. A class implements this
/// and declares each action with <see cref="DialogActionAttribute"/>; it is found and registered by itself
/// (<see cref="DialogActionCatalog"/>). The engine decides where the dialog goes from the outcome; the handler only
/// does the work and says what came of it.
/// </summary>
public interface IDialogActions
{
    Task<ActionOutcome> ApplyAsync(string action, DialogActionContext context, CancellationToken cancellationToken);
}
