namespace OvopBot.Understanding;

/// <summary>One piece of a typed answer, as cut by <see cref="AnswerLexer"/>.</summary>
internal readonly record struct AnswerToken(AnswerTokenKind Kind, string Text)
{
    public bool IsWord(string word) => Kind == AnswerTokenKind.Word && Text == word;

    public bool IsSymbol(char symbol) => Kind == AnswerTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;
}
