namespace OvopBot.Flows.Definition;

/// <summary>One option of a choice question. The key is what is saved; the label is what people see.</summary>
public sealed record FlowOption(string Key, LocalizedText Label, IReadOnlyList<string> Aliases, int Line);
