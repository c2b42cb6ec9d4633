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
    /// <summary>Optional (DATA SAYA): what is stored about the person (UU 27/2022 right of access).</summary>
    MyData,
    /// <summary>Optional (HAPUS DATA): erase the person's personal data, after a confirmation.</summary>
    Erase,
}
