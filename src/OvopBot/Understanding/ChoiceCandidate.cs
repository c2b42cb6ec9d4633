namespace OvopBot.Understanding;

/// <summary>
/// One option of a choice question, as the matchers see it: its stable <paramref name="Key"/> (what is saved) and
/// every way a person may name it — the label in each language plus aliases from the flow file.
/// </summary>
public sealed record ChoiceCandidate(string Key, IReadOnlyList<string> Labels);
