using OvopBot.Channels.Abstractions;

namespace OvopBot.Flows.Engine;

/// <summary>How a dialog step stopped.</summary>
public enum DialogStop
{
    /// <summary>At a node waiting for the next message, or at the dialog's end (done).</summary>
    Answered,
    /// <summary>At an action node: the processor applies <see cref="DialogResult.Action"/> and resumes with its outcome.</summary>
    ActionRequested,
    /// <summary>The message is not this dialog's: the next stage of the router takes it (the dialog ended with pass, or a staff command interrupts it).</summary>
    Passed,
    /// <summary>
    /// The dialog ended (<c>end: resume</c>) and the message goes on to the person's conversation, which greets them
    /// back at their question instead of taking it as an answer (after a channel is linked, or the linking cancelled).
    /// </summary>
    Resumed,
}

/// <summary>
/// The outcome of one dialog step: the new state, the replies so far, how it stopped, and the action asked for (the
/// event the processor applies in the transaction), if any. <see cref="Failure"/> names a loop the limit stopped.
/// </summary>
public sealed record DialogResult(DialogState State, IReadOnlyList<OutboundMessage> Replies, DialogStop Stop, string? Action = null,
    StepLimitReached? Failure = null);
