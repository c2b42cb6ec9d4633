namespace OvopBot.Understanding;

/// <summary>
/// The result of matching an answer against options: one key for <see cref="ChoiceMatchKind.Exact"/> and
/// <see cref="ChoiceMatchKind.Probable"/>, the tied keys (in option order) for
/// <see cref="ChoiceMatchKind.Ambiguous"/>, none for <see cref="ChoiceMatchKind.None"/>.
/// </summary>
public sealed record ChoiceMatch(ChoiceMatchKind Kind, IReadOnlyList<string> Keys)
{
    /// <summary>The shared "no match" value.</summary>
    public static ChoiceMatch NoMatch { get; } = new(ChoiceMatchKind.None, []);

    /// <summary>The single key of an exact or probable match, otherwise null.</summary>
    public string? Key => Kind is ChoiceMatchKind.Exact or ChoiceMatchKind.Probable ? Keys[0] : null;
}
