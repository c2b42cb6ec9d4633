namespace OvopBot.Exports;

/// <summary>
/// Makes text safe for a spreadsheet. A cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
/// return is run as a formula by Excel and LibreOffice (CSV injection), so such text is flagged: CSV prefixes it with
/// an apostrophe (the OWASP advice), XLSX keeps the text exact and marks the cell "quote prefix" (Excel's own flag
/// for "this is text, even though it starts like a formula").
/// </summary>
internal static class CellText
{
    /// <summary>Excel's limit for one cell's text.</summary>
    public const int MaxCellLength = 32767;

    public static bool LooksLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The CSV form: an apostrophe before text that would run as a formula.</summary>
    public static string ForCsv(string text) => LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>
    /// Text XML 1.0 can carry (control characters other than tab/newline/CR and lone surrogates are dropped: a
    /// village head's phone can send them, and one would make the whole workbook unreadable), cut to Excel's limit.
    /// </summary>
    public static string ForXml(string text)
    {
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            clean = IsXmlChar(text, i);
        }

        var result = text;
        if (!clean)
        {
            var builder = new System.Text.StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (IsXmlChar(text, i))
                {
                    builder.Append(text[i]);
                }
            }

            result = builder.ToString();
        }

        return result.Length > MaxCellLength ? result[..MaxCellLength] : result;
    }

    private static bool IsXmlChar(string text, int i)
    {
        var c = text[i];
        if (c < 0x20)
        {
            return c is '\t' or '\n' or '\r';
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i > 0 && char.IsHighSurrogate(text[i - 1]);
        }

        return c is not ('\uFFFE' or '\uFFFF');
    }
}
