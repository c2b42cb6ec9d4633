namespace OvopBot.Flows.Definition;

/// <summary>What a flow file holds (<c>kind:</c>).</summary>
public enum FlowKind
{
    /// <summary>A conversation people follow from <c>start</c> to an end (the registration).</summary>
    Registration,
    /// <summary>
    /// Staff dialogs: each starts at an <c>entries:</c> node when a facilitator or admin types its staff command, and
    /// asks named actions (<c>action:</c>) that the processor applies in the message's transaction.
    /// </summary>
    Staff,
    /// <summary>
    /// A dialog anyone may enter (linking a channel, <c>flows/linking.yaml</c>): the staff flow's nodes (waits,
    /// actions, ends), but entered when a message has the shape an entry names (<c>reference</c>) instead of by a staff
    /// command, and waiting for the inputs its router recognises (<see cref="Engine.DialogInputs"/>).
    /// </summary>
    Dialog,
}
