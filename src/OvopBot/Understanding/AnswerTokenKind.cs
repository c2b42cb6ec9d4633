namespace OvopBot.Understanding;

/// <summary>What a piece of a typed answer is: a numeral ("1.500,75"), a word ("juta") or another character.</summary>
internal enum AnswerTokenKind
{
    Number,
    Word,
    Symbol,
}
