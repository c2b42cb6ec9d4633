namespace OvopBot.Understanding;

/// <summary>How sure <see cref="ChoiceMatcher.Match"/> is about an answer.</summary>
public enum ChoiceMatchKind
{
    /// <summary>The option's number, key or label, give or take case, accents and punctuation.</summary>
    Exact,

    /// <summary>Close to one option only (a typo, a word or the start of a label); the engine may confirm it.</summary>
    Probable,

    /// <summary>Equally close to several options; the engine asks which one, listing them.</summary>
    Ambiguous,

    /// <summary>Nothing close, or a number outside 1..N.</summary>
    None,
}
