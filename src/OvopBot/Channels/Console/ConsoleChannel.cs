namespace OvopBot.Channels.Console;

/// <summary>Names shared by the console channel's parts.</summary>
public static class ConsoleChannel
{
    public const string Name = "console";

    /// <summary>The sender id used when none is given (<c>chat --from</c> chooses another).</summary>
    public const string DefaultAddress = "console-user";
}
