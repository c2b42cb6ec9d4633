namespace OvopBot.Understanding;

/// <summary>
/// Cuts lower-cased text into numerals, words and single symbols, ignoring white space. A numeral keeps its inner
/// '.' and ',' (only when a digit follows), so "1.500,75" stays one token while "20." is "20" and ".". Letters glued
/// to digits are separate tokens ("rp10jt" → "rp" "10" "jt"), because people skip spaces on small keyboards.
/// </summary>
internal static class AnswerLexer
{
    public static List<AnswerToken> Lex(string text)
    {
        var tokens = new List<AnswerToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i])
                    || (text[i] is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new AnswerToken(AnswerTokenKind.Number, text[start..i]));
            }
            else if (char.IsLetter(c))
            {
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                tokens.Add(new AnswerToken(AnswerTokenKind.Word, text[start..i]));
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                tokens.Add(new AnswerToken(AnswerTokenKind.Symbol, text[start..i]));
            }
        }

        return tokens;
    }
}
