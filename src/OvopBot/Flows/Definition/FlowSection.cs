namespace OvopBot.Flows.Definition;

/// <summary>A group of questions, used for progress ("Bagian 3 dari 6: Produk").</summary>
public sealed record FlowSection(string Id, LocalizedText Title, int Line);
