namespace OvopBot.Flows.Definition;

/// <summary>
/// Where a staff command starts its dialog (<c>entries:</c>): the node, the role it needs (<c>facilitator</c>, or
/// <c>admin</c>), whether it runs aside, leaving an open dialog as it was (a status asked mid-broadcast), and whether
/// words may follow the keyword (<c>args: true</c>: "BALAS 12 text"; the action reads them from <c>{input}</c>).
/// </summary>
public sealed record FlowEntry(string Command, string Start, string Role, bool Aside, int Line, bool Args = false);
