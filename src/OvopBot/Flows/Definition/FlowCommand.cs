namespace OvopBot.Flows.Definition;

/// <summary>The global commands the engine understands in every state; their keywords come from the flow file.</summary>
public enum FlowCommand
{
    Help,
    Back,
    Restart,
    Status,
    Language,
    Stop,
    Resume,
    Skip,
    Start,
    /// <summary>Confirms the summary (KIRIM); only meaningful at a summary node.</summary>
    Submit,
}
