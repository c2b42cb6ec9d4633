namespace OvopBot.Flows.Actions;

/// <summary>
/// Declares one named action a class handles (<c>action: broadcast.preview</c> in a staff flow), the outcomes it
/// may answer (the keys a node's <c>on:</c> may name) and the shared texts it words its replies with. <c>flows
/// check</c> reads these to refuse an unknown action, an outcome it never gives, or a missing text.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class DialogActionAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>Outcomes besides the default (the node's <c>next</c>).</summary>
    public string[] Outcomes { get; set; } = [];

    /// <summary>Keys of <c>texts:</c> the handler uses.</summary>
    public string[] Texts { get; set; } = [];
}
