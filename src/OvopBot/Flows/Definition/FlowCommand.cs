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
    /// <summary>The next page of a long message (the summary: LAGI).</summary>
    More,
    /// <summary>A person to ask (PENDAMPING / TANYA): the next message goes to the facilitators of the village.</summary>
    Person,
}

/// <summary>Which commands a flow may leave without keywords.</summary>
public static class FlowCommands
{
    /// <summary>Telegram's /start works without keywords; paging and the person to ask are offered only when named.</summary>
    public static readonly IReadOnlySet<FlowCommand> Optional = new HashSet<FlowCommand> { FlowCommand.Start, FlowCommand.More, FlowCommand.Person };
}
